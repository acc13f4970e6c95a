#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a closure on the monotonic clock.
///
/// `ContinuousClock` does not jump with wall-clock changes (NTP, manual
/// settings), so a long benchmark cannot report a negative or inflated time.
enum Stopwatch {
  /// Runs `body` once and returns its duration in seconds.
  static func seconds(_ body: () -> Void) -> Double {
    seconds(of: ContinuousClock().measure(body))
  }

  /// Seconds from `start` to now, for spans that are not one closure.
  static func seconds(since start: ContinuousClock.Instant) -> Double {
    seconds(of: ContinuousClock.now - start)
  }

  private static func seconds(of duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// Runs `body` once and returns its wall and CPU durations in seconds.
  ///
  /// The CPU time is the calling thread's (`CLOCK_THREAD_CPUTIME_ID`): on a
  /// machine shared with other jobs it leaves out the time the thread was
  /// waiting for a core, which the wall time does not.
  static func wallAndCPUSeconds(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let start = threadCPUSeconds()
    let wall = seconds(body)
    return (wall, threadCPUSeconds() - start)
  }

  /// CPU seconds the calling thread has run.
  static func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }
}
