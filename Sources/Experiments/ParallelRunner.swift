import Foundation

/// Runs a list of sweep runs on worker threads and hands each record back
/// to the calling thread as it finishes.
///
/// Threads rather than processes: every run owns its Lua state and
/// simulator, nothing in the Lua bridge or the host is global except the
/// dispatch pointer (set once, atomically, to the same function), so runs
/// cannot see each other; and one process keeps the store in one writer.
/// The caller's thread does all the writing, so the store needs no locks.
public struct ParallelRunner: Sendable {
  /// Worker threads.
  public let jobs: Int

  public init(jobs: Int) throws(ExperimentsError) {
    guard jobs >= 1, jobs <= 1024 else {
      throw ExperimentsError("--jobs", "must be between 1 and 1024, got \(jobs)")
    }
    self.jobs = jobs
  }

  /// Runs `keys` with `executor` and calls `deliver` for each record, in
  /// the order they finish, on the calling thread.
  ///
  /// If `deliver` throws, no further run starts; the runs in flight finish
  /// and are dropped, and the error is rethrown.
  public func run(
    _ keys: [RunKey], executor: RunExecutor, deliver: (RunRecord) throws -> Void
  ) throws {
    guard !keys.isEmpty else { return }
    let queue = RunQueue(keys, workers: min(jobs, keys.count))
    for _ in 0..<min(jobs, keys.count) {
      let thread = Thread {
        while let key = queue.take() {
          queue.finish(executor.execute(key))
        }
        queue.workerDone()
      }
      // Lua's C calls and the scenario's recursion get the main thread's room.
      thread.stackSize = 8 << 20
      thread.start()
    }
    while let batch = queue.waitForRecords() {
      for record in batch {
        do {
          try deliver(record)
        } catch {
          queue.stop()
          queue.waitForWorkers()
          throw error
        }
      }
    }
  }
}

/// The runs still to start and the records not yet delivered, shared by
/// the workers and the delivering thread under one condition lock.
final class RunQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private let keys: [RunKey]
  private var next = 0
  private var stopped = false
  private var workers: Int
  private var records: [RunRecord] = []

  init(_ keys: [RunKey], workers: Int) {
    self.keys = keys
    self.workers = workers
  }

  /// The next run to start, or nil when there is none or the queue stopped.
  func take() -> RunKey? {
    condition.lock()
    defer { condition.unlock() }
    guard !stopped, next < keys.count else { return nil }
    next += 1
    return keys[next - 1]
  }

  func finish(_ record: RunRecord) {
    condition.lock()
    records.append(record)
    condition.broadcast()
    condition.unlock()
  }

  func workerDone() {
    condition.lock()
    workers -= 1
    condition.broadcast()
    condition.unlock()
  }

  func stop() {
    condition.lock()
    stopped = true
    condition.unlock()
  }

  /// Waits for finished records; nil once every worker has ended and all
  /// records were taken.
  func waitForRecords() -> [RunRecord]? {
    condition.lock()
    defer { condition.unlock() }
    while records.isEmpty, workers > 0 { condition.wait() }
    guard !records.isEmpty else { return nil }
    defer { records.removeAll() }
    return records
  }

  func waitForWorkers() {
    condition.lock()
    while workers > 0 { condition.wait() }
    condition.unlock()
  }
}
