import Foundation

/// The outcome of one benchmark run: what ran, how many events, how long.
///
/// Only the simulation loop is timed (setup and teardown are not), so the
/// rate compares with the peer figures in reference/peers.md, which are
/// measured the same way.
public struct BenchmarkResult: Codable, Sendable, Equatable {
  /// The benchmark's catalog name ("hold", "phold", ...).
  public var name: String
  /// The event queue the run used (its type name).
  public var queue: String
  /// Model events processed.
  public var events: Int
  /// Wall-clock seconds of the simulation loop only.
  public var wallSeconds: Double
  /// `events / wallSeconds`.
  public var eventsPerSecond: Double
  /// CPU seconds of the same span as `wallSeconds`, where measured (the
  /// loop's thread, or user + system of the process for whole runs): on a
  /// shared machine the steadier figure.
  public var cpuSeconds: Double?
  /// For queueing models: the mean wait the run measured (a sanity check
  /// against Erlang C, not a speed).
  public var meanWait: Double?
  /// For flood runs: depths (m) at named gauges, one per `sampleTimes`
  /// entry, for side-by-side comparison with a peer solver.
  public var gauges: [String: [Double]]?
  /// Simulated times (s) of the gauge samples.
  public var sampleTimes: [Double]?
  /// Wall-clock seconds spent up to each of `sampleTimes`, so a peer run
  /// cut short can be compared at the same simulated time.
  public var splitSeconds: [Double]?
  /// The process's peak resident set (MiB) at the end of the run, where
  /// measured (getrusage's ru_maxrss: the high-water mark since start).
  public var peakRSSMiB: Int?
  /// Wall-clock seconds of the setup before the loop (generating the map,
  /// building the roster, giving the order), where reported: with
  /// `wallSeconds`, the whole run's cost, so a slow step in the setup
  /// shows as the county grows.
  public var setupSeconds: Double?

  public init(name: String, queue: String, events: Int, wallSeconds: Double) {
    self.name = name
    self.queue = queue
    self.events = events
    self.wallSeconds = wallSeconds
    eventsPerSecond = wallSeconds > 0 ? Double(events) / wallSeconds : 0
  }

  enum CodingKeys: String, CodingKey {
    case name, queue, events
    case wallSeconds = "seconds"
    case eventsPerSecond = "events_per_s"
    case meanWait = "mean_wait"
    case gauges
    case sampleTimes = "times"
    case splitSeconds = "split_seconds"
    case cpuSeconds = "cpu_s"
    case peakRSSMiB = "peak_rss_mib"
    case setupSeconds = "setup_s"
  }

  /// One human-readable line: name, queue, events, seconds and rate.
  public var summaryLine: String {
    let rate = String(format: "%.2f", eventsPerSecond / 1e6)
    let wall = String(format: "%.3f", wallSeconds)
    var line = "\(name) [\(queue)]: \(events) events in \(wall) s = \(rate) M events/s"
    if let cpu = cpuSeconds, cpu > 0 {
      let cpuRate = String(format: "%.2f", Double(events) / cpu / 1e6)
      line += " (CPU \(String(format: "%.3f", cpu)) s = \(cpuRate) M events/CPU-s)"
    }
    if let setup = setupSeconds { line += "; setup \(String(format: "%.3f", setup)) s" }
    return line
  }
}

extension Array where Element == BenchmarkResult {
  /// The results as JSON Lines (one object per run) with sorted keys, so
  /// equal results give byte-identical text and scripts can stream them.
  public func jsonText() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try map { String(decoding: try encoder.encode($0), as: UTF8.self) }
      .joined(separator: "\n")
  }
}
