import Foundation

/// Runs a list of sweep runs on `jobs` workers and hands each record back
/// to the calling thread as it finishes.
///
/// Each worker is a thread that either runs the runs itself or feeds them
/// to a child process of its own. In threads, runs cannot see each other:
/// every run owns its Lua state and simulator, and nothing in the Lua
/// bridge or the host is global except the dispatch pointer (set, always to
/// the same function, atomically). Child processes add one thing: a run
/// that crashes (a signal or a trap in the engine) is recorded as a failed
/// run and its worker replaced, where in a thread it would end the sweep.
/// Either way the caller's thread does all the store's writing.
public struct ParallelRunner: Sendable {
  /// Where runs execute.
  public enum Isolation: Sendable, Equatable {
    /// In worker threads of this process.
    case threads
    /// In child processes running `executable sweep worker SCENARIO`.
    case processes(executable: URL)
  }

  /// Workers.
  public let jobs: Int
  public let isolation: Isolation

  public init(jobs: Int, isolation: Isolation = .threads) throws(ExperimentsError) {
    guard jobs >= 1, jobs <= 1024 else {
      throw ExperimentsError("--jobs", "must be between 1 and 1024, got \(jobs)")
    }
    self.jobs = jobs
    self.isolation = isolation
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
    let isolation = self.isolation
    for _ in 0..<min(jobs, keys.count) {
      let thread = Thread {
        switch isolation {
        case .threads:
          while let key = queue.take() { queue.finish(executor.execute(key)) }
        case .processes(let executable):
          let worker = try? WorkerProcess(
            executable: executable, scenarioPath: executor.scenarioPath,
            definition: executor.definition)
          while let key = queue.take() {
            queue.finish(
              worker?.execute(key, fallback: executor.failure)
                ?? executor.failure(key, "the sweep's worker process cannot start"))
          }
          worker?.stop()
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
