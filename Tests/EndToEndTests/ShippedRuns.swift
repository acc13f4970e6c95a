/// Each shipped scenario run at most once per test process, shared by the
/// suites that check it, so the library's end-to-end checks cost one run
/// per scenario however many tests read it.
actor ShippedRuns {
  static let shared = ShippedRuns()

  private var runs: [String: Task<ShippedRun, any Error>] = [:]

  /// The run of `scenarios/<name>`, started on first request.
  func run(_ name: String) async throws -> ShippedRun {
    if let task = runs[name] { return try await task.value }
    let task = Task.detached { try ShippedRun.make(name) }
    runs[name] = task
    return try await task.value
  }
}
