import Foundation

/// What the process has used so far: CPU time and peak resident memory.
///
/// Benchmarks read it before and after the span they time. CPU time
/// counts user and system time (a county run's allocations fault pages
/// in, which is system time); the peak resident set is the kernel's
/// high-water mark, so it covers the whole process up to now.
enum ProcessUsage {
  /// User plus system CPU seconds of the process so far.
  static func cpuSeconds() -> Double {
    guard let usage = current() else { return 0 }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// Peak resident set so far, MiB (ru_maxrss: kilobytes on Linux, bytes on macOS).
  static func peakRSSMiB() -> Int {
    guard let usage = current() else { return -1 }
    #if os(Linux)
    return Int(usage.ru_maxrss) / 1_024
    #else
    return Int(usage.ru_maxrss) / 1_048_576
    #endif
  }

  private static func current() -> rusage? {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
    #endif
    return usage
  }
}
