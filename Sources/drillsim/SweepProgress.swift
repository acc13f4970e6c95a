import Experiments
import Foundation

/// Progress of a sweep: on a terminal, one line redrawn at most twice a
/// second (runs done, rate, ETA, failures); otherwise a plain line at every
/// tenth of the runs, so logs of batch jobs show how far a shard got.
final class SweepProgress {
  let quiet: Bool
  let terminal: Bool
  let clock = ContinuousClock()
  let started: ContinuousClock.Instant
  var lastDrawn: ContinuousClock.Instant
  var drawn = false
  var lastTenth = 0

  init(quiet: Bool) {
    self.quiet = quiet
    terminal = isatty(STDERR_FILENO) == 1
    started = clock.now
    lastDrawn = started
  }

  func update(_ progress: Sweep.Progress) {
    guard !quiet, progress.planned > 0 else { return }
    let now = clock.now
    let wall = ProgressLine.seconds(now - started)
    let rate = Double(progress.done) / max(wall, 1e-9)
    let share = Double(progress.done) / Double(progress.planned)
    var text = "runs \(progress.done)/\(progress.planned)"
    text += String(format: " (%.0f %%), %.2f runs/s", share * 100, rate)
    if progress.done > 0, progress.done < progress.planned {
      text += String(format: ", about %.0f s left", Double(progress.planned - progress.done) / rate)
    }
    if progress.failed > 0 { text += ", \(progress.failed) failed" }
    if terminal {
      guard now - lastDrawn >= .milliseconds(500) || progress.done == progress.planned else {
        return
      }
      lastDrawn = now
      FileHandle.standardError.write(Data(("\r  " + text + "   ").utf8))
      drawn = true
    } else {
      let tenth = progress.done * 10 / progress.planned
      guard tenth > lastTenth else { return }
      lastTenth = tenth
      FileHandle.standardError.write(Data(("sweep: " + text + "\n").utf8))
    }
  }

  /// A message on its own line (a failed run), above the progress line.
  func note(_ text: String) {
    clear()
    FileHandle.standardError.write(Data(("sweep: " + text + "\n").utf8))
  }

  func finish() { clear() }

  private func clear() {
    guard drawn else { return }
    FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 78) + "\r").utf8))
    drawn = false
  }
}
