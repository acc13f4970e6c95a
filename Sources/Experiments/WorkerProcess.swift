import Foundation

/// A run executor in a child process (`drillsim sweep worker`), so that a
/// run that crashes (a signal, a trap) is recorded as a failed run instead
/// of ending the whole sweep.
///
/// Protocol, one line each way: the parent writes the sweep definition as
/// JSON, then one "point replication" line per run; the worker answers each
/// with the run's record as a JSON line. A worker that dies is replaced at
/// the next run. Used from one thread only.
final class WorkerProcess {
  let executable: URL
  let scenarioPath: String
  let definitionLine: String
  private var process: Process?
  private var input: FileHandle?
  private var output: FileHandle?
  private var buffer = Data()

  init(executable: URL, scenarioPath: String, definition: SweepDefinition) throws {
    self.executable = executable
    self.scenarioPath = scenarioPath
    definitionLine = try definition.json()
  }

  deinit { stop() }

  func start() throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = ["sweep", "worker", scenarioPath]
    var environment = ProcessInfo.processInfo.environment
    // A crash is reported as a failed run; a backtrace would only slow it.
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let toWorker = Pipe()
    let fromWorker = Pipe()
    process.standardInput = toWorker
    process.standardOutput = fromWorker
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    input = toWorker.fileHandleForWriting
    output = fromWorker.fileHandleForReading
    buffer.removeAll()
    try input?.write(contentsOf: Data((definitionLine + "\n").utf8))
  }

  /// Runs `key` in the worker; a worker that dies or answers nonsense
  /// gives a failed record naming what happened and how to replay the run.
  func execute(_ key: RunKey, fallback: (RunKey, String) -> RunRecord) -> RunRecord {
    do {
      if process == nil { try start() }
      try input?.write(contentsOf: Data("\(key.point) \(key.replication)\n".utf8))
      if let line = readLine() {
        let record = try RunRecord(jsonLine: line)
        guard record.key == key else {
          throw ExperimentsError("worker", "answered for \(record.key)")
        }
        return record
      }
    } catch {
      stop()
      return fallback(key, "the sweep's worker process failed: \(error)")
    }
    let status = stop()
    return fallback(key, "the run crashed its worker process (\(status))")
  }

  private func readLine() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex...newline)
        return line
      }
      guard let chunk = output?.availableData, !chunk.isEmpty else { return nil }
      buffer.append(chunk)
    }
  }

  /// Ends the worker (closing its input ends its loop) and says how it ended.
  @discardableResult
  func stop() -> String {
    guard let process else { return "not running" }
    try? input?.close()
    process.waitUntilExit()
    try? output?.close()
    self.process = nil
    input = nil
    output = nil
    return process.terminationReason == .uncaughtSignal
      ? "signal \(process.terminationStatus)" : "exit \(process.terminationStatus)"
  }
}

extension RunExecutor {
  /// The worker side of `WorkerProcess`: reads the definition line, then
  /// runs each "point replication" line and writes its record as a line.
  ///
  /// Fault injection for tests: with `DRILLSIM_FAULT_CRASH_RUN=P:R` in the
  /// environment, the worker aborts instead of running point P
  /// replication R, as an engine crash would.
  public static func serve(scenarioPath: String) throws {
    let crashRun = ProcessInfo.processInfo.environment["DRILLSIM_FAULT_CRASH_RUN"]
    guard let first = Swift.readLine() else { return }
    let executor = RunExecutor(
      scenarioPath: scenarioPath, definition: try SweepDefinition.decode(first))
    let points = executor.definition.points().count
    while let line = Swift.readLine() {
      let parts = line.split(separator: " ").compactMap { Int($0) }
      guard parts.count == 2, parts[0] >= 0, parts[0] < points, parts[1] >= 0 else {
        throw ExperimentsError("sweep worker", "bad request '\(line)'")
      }
      if crashRun == "\(parts[0]):\(parts[1])" { abort() }
      let record = executor.execute(RunKey(point: parts[0], replication: parts[1]))
      FileHandle.standardOutput.write(Data((try record.jsonLine() + "\n").utf8))
    }
  }

  /// A failed record for a run that produced none (its worker crashed).
  func failure(_ key: RunKey, _ message: String) -> RunRecord {
    let seed = definition.runSeed(replication: key.replication)
    let settings = (definition.pinned + points[key.point].settings).sorted { $0.name < $1.name }
    let replay = settings.map { " --param \($0.name)=\($0.level.text)" }.joined()
    return RunRecord(
      key: key, seed: seed, params: Self.paramsJSON(settings), status: "failed",
      error: "\(message); replay it with: drillsim run \(scenarioPath) --seed \(seed)\(replay)",
      simEndSeconds: 0, events: 0, wallSeconds: 0, metrics: [], objectives: [])
  }
}
