import Evacuation
import Foundation
import Scenario
import SimKernel
import Township

/// The evacuation benchmark: a synthetic county ordered out at once, its
/// households moving on the queue network to the nearest shelter with room.
///
/// `households` households in villages of 200 (the county generator's
/// layout), shelters for 120 % of residents so everyone can be admitted,
/// `auto` mode with half the households driving, pre-movement lognormal
/// (mu 6.2, sigma 0.6: median 8 min). The simulation loop is timed;
/// generating the county, building the map and the roster and giving the
/// order are timed apart (`setup_s`). Events are
/// the kernel's; clearance times and re-routing counts go to standard
/// error.
struct EvacuationBenchmark {
  var households: Int
  /// Whether the county is renumbered in locality order (the generator's
  /// default); false keeps the build order, for comparing the two.
  var localityOrder = true

  func run(name: String) -> [BenchmarkResult] {
    let setupStart = ContinuousClock.now
    var options = SyntheticCountyOptions(
      villages: max(1, households / 200), householdsPerVillage: 200, seed: 1)
    options.shelterShare = 1.2
    options.localityOrder = localityOrder
    let county: SyntheticCounty
    do throws(MapError) {
      county = try SyntheticCounty.generate(options)
    } catch {
      TownshipBenchmarks.note("\(name): generation failed: \(error)")
      return []
    }
    let map = LiveMap(township: county.township)
    let simulator = Simulator()
    let order = EvacuationOrder(
      zones: Array(county.township.zones.indices), mode: .auto,
      premovement: .lognormal(mu: 6.2, sigma: 0.6), carShare: 0.5)
    let model: EvacuationModel
    do {
      model = try EvacuationModel(
        map: map, simulator: simulator, streams: RandomStreams(seed: 1))
      model.network.reserveTravellers(households)
      try model.evacuate(order)
    } catch {
      TownshipBenchmarks.note("\(name): \(error)")
      return []
    }
    let setup = Stopwatch.seconds(since: setupStart)
    let (seconds, cpu) = Stopwatch.wallAndCPUSeconds { simulator.run() }
    let times = model.network.clearance()
    func minutes(_ t: Double?) -> String { t.map { String(format: "%.1f", $0 / 60) } ?? "-" }
    TownshipBenchmarks.note(
      "\(name): \(county.township.nodes.count) nodes, \(county.township.links.count) links, "
        + "\(model.households) households, \(times.persons) persons; T50 \(minutes(times.t50)) "
        + "min, T90 \(minutes(times.t90)) min, T100 \(minutes(times.t100)) min; in place "
        + "\(times.inPlace); rerouted \(model.network.reroutedCount); loop CPU "
        + String(format: "%.3f", cpu) + " s; tree repairs "
        + "\(model.network.treeRepairs); peak RSS "
        + "\(ProcessUsage.peakRSSMiB()) MiB")
    var result = BenchmarkResult(
      name: name, queue: "QueueNetwork", events: simulator.eventsProcessed, wallSeconds: seconds)
    result.cpuSeconds = cpu
    result.peakRSSMiB = ProcessUsage.peakRSSMiB()
    result.setupSeconds = setup
    return [result]
  }

  /// The catalog entries: 10k, 100k, 300k and 3 M households (1 M is with
  /// the county's entries).
  static let entries = [
    Benchmark(
      name: "evac-county",
      summary: "synthetic county, 10k households ordered out at once, auto mode, queue network",
      run: {
        EvacuationBenchmark(households: BenchmarkSize.pick(10_000, short: 4_000))
          .run(name: "evac-county")
      }),
    Benchmark(
      name: "evac-county-100k",
      summary: "synthetic county, 100k households ordered out at once, auto mode, queue network",
      run: { EvacuationBenchmark(households: 100_000).run(name: "evac-county-100k") }),
    Benchmark(
      name: "evac-county-300k",
      summary: "synthetic county, 300k households ordered out at once (the scaling curve's middle)",
      run: { EvacuationBenchmark(households: 300_000).run(name: "evac-county-300k") }),
    Benchmark(
      name: "evac-county-3m",
      summary: "synthetic county, 3 M households ordered out at once"
        + " (past every cache: the curve's tail)",
      run: { EvacuationBenchmark(households: 3_000_000).run(name: "evac-county-3m") }),
  ]
}
