import Foundation

/// A one-line progress display on a terminal: sim time reached, share of
/// the duration, events and their rate, redrawn at most twice a second.
///
/// Silent when standard error is not a terminal (pipes, CI, files), so logs
/// stay clean and runs stay byte-identical in their outputs.
final class ProgressLine {
  let duration: Double?
  let enabled: Bool
  let clock = ContinuousClock()
  let started: ContinuousClock.Instant
  var lastDrawn: ContinuousClock.Instant
  var drawn = false

  init(duration: Double?, quiet: Bool) {
    self.duration = duration
    enabled = !quiet && isatty(STDERR_FILENO) == 1
    started = clock.now
    lastDrawn = started
  }

  func update(simSeconds: Double, events: Int) {
    guard enabled else { return }
    let now = clock.now
    guard now - lastDrawn >= .milliseconds(500) else { return }
    lastDrawn = now
    let wall = Self.seconds(now - started)
    var line = String(format: "\r  t = %.0f s", simSeconds)
    if let duration, duration > 0 {
      let share = min(1, simSeconds / duration)
      line += String(format: " (%.0f %%", share * 100)
      if share > 0.01 { line += String(format: ", about %.0f s left", wall * (1 - share) / share) }
      line += ")"
    }
    line += String(
      format: ", %d events, %.2f M/s   ", events, Double(events) / max(wall, 1e-9) / 1e6)
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Clears the line before the final report.
  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 78) + "\r").utf8))
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
