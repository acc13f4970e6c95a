/// Times a closure on the monotonic clock.
///
/// `ContinuousClock` does not jump with wall-clock changes (NTP, manual
/// settings), so a long benchmark cannot report a negative or inflated time.
enum Stopwatch {
  /// Runs `body` once and returns its duration in seconds.
  static func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    let parts = elapsed.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
