import Foundation

extension CommandLine {
  /// What a bounded run did: its result, or that it outlived its deadline.
  struct BoundedResult {
    let result: Result
    /// True when the command was still running at the deadline (and was
    /// killed): a hang, which no corpus case may produce.
    let timedOut: Bool
  }

  /// Runs `drillsim` like `run(_:in:)`, but kills it with SIGKILL once it
  /// has run for `timeout` seconds, so a hang fails a test instead of
  /// stalling the suite.
  static func run(_ arguments: [String], in folder: URL? = nil, timeout: Double) throws
    -> BoundedResult
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? repository
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let outText = PipeText(out)
    let errText = PipeText(err)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        break
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    let result = Result(
      status: process.terminationStatus, stdout: outText.wait(), stderr: errText.wait(),
      crashed: process.terminationReason == .uncaughtSignal && !timedOut)
    return BoundedResult(result: result, timedOut: timedOut)
  }
}

/// Drains a pipe on its own thread, so a chatty child never blocks on a
/// full pipe while the caller watches the clock.
final class PipeText: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ pipe: Pipe) {
    let handle = pipe.fileHandleForReading
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// The whole output, once the writer has closed the pipe.
  func wait() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
