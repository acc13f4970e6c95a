import ArgumentParser
import Foundation
import Recording

/// `drillsim replay`: a run's state in the terminal.
///
/// At a time or step by step, with the notable events in between. Plain
/// text: works in tmux, pipes and logs.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show a run's state in the terminal at a time, or step through it.",
    discussion: """
      Times are sim seconds, or a number with s, m or h ("90m"). Without --at \
      and --step, every event is listed and the state at the end is shown.
      """)

  @Argument(help: "The run's results folder.")
  var runDir: String

  @Option(name: .long, help: "Show the state at this time.")
  var at: String?

  @Option(name: .long, help: "Show the state every DT from --at (or 0) to the end.")
  var step: String?

  /// Seconds from "90", "90s", "30m" or "1.5h".
  static func seconds(_ text: String, option: String) throws -> Double {
    var body = Substring(text)
    var factor = 1.0
    if let last = body.last, "smh".contains(last) {
      factor = last == "h" ? 3600 : last == "m" ? 60 : 1
      body = body.dropLast()
    }
    guard let v = Double(body), v.isFinite, v >= 0 else {
      throw ValidationError("\(option) expects seconds, or a number with s, m or h; got '\(text)'")
    }
    return v * factor
  }

  func validate() throws {
    if let at { _ = try Self.seconds(at, option: "--at") }
    if let step, try Self.seconds(step, option: "--step") <= 0 {
      throw ValidationError("--step must be positive")
    }
  }

  func run() throws {
    let folder = RunFolder(url: URL(fileURLWithPath: runDir))
    let archive: RunArchive
    let frames: FrameReader
    let events: [RunArchive.Event]
    do {
      archive = try RunArchive(folder: folder)
      guard let reader = try archive.frames() else {
        throw RecordingError(folder.url.path, "no frames.jsonl (the run recorded no frames)")
      }
      frames = reader
      events = try archive.events()
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
    let clock = ScenarioClock(start: frames.header.start)
    let end = max(frames.header.duration?.seconds ?? 0, frames.entries.last?.time.seconds ?? 0)
    let start = try at.map { try Self.seconds($0, option: "--at") } ?? 0
    print("\(frames.header.scenario): \(clock.text(at: .zero)) to \(clock.text(at: seconds(end)))")
    if let step {
      let dt = try Self.seconds(step, option: "--step")
      var t = start
      // Events before --at are not listed; from there on, those up to each step.
      var shown = at == nil ? -Double.infinity : start - 0.0005
      while t <= end + 1e-9 {
        for event in events where event.time > shown && event.time <= t {
          print(line(event, clock: clock))
        }
        try state(at: t, frames: frames, clock: clock)
        shown = t
        t += dt
      }
    } else if at != nil {
      try state(at: start, frames: frames, clock: clock)
    } else {
      for event in events { print(line(event, clock: clock)) }
      try state(at: end, frames: frames, clock: clock)
    }
  }

  func seconds(_ s: Double) -> SimTime { SimTime(seconds: s) ?? .zero }

  func line(_ event: RunArchive.Event, clock: ScenarioClock) -> String {
    let time = seconds(event.time)
    return "  \(clock.text(at: time))  t=\(time)  \(event.kind)  \(event.detail)"
  }

  func state(at t: Double, frames: FrameReader, clock: ScenarioClock) throws {
    let time = seconds(t)
    let frame: FrameSnapshot?
    do {
      frame = try frames.frame(at: time)
    } catch {
      printError("drillsim: invalid input: \(error)")
      throw ExitStatus.invalidInput.code
    }
    let summary = FrameSummary(frame: frame, at: time, clock: clock)
    print("== \(summary.clock)  (t=\(time) s, frame t=\(frame.map { "\($0.time)" } ?? "-") s)")
    for entry in summary.counts { print("  \(entry.key): \(entry.value)") }
    for shelter in frame?.shelters ?? [] {
      print("  shelter \(shelter.facility): \(shelter.occupants)/\(shelter.capacity)")
    }
  }
}
