import Foundation
import Hazards
import Scenario
import SimKernel
import Township

/// The synthetic county benchmark of DESIGN.md §7 (<= 120 s and <= 4 GiB
/// for 1 M residents) and its smaller sizes, and the flood's scaling with
/// the number of cells.
///
/// A county of `households` households of 2.5 persons (the generator's
/// mean size: reference/evacuation.md has no verified figure, so the
/// placeholder the OSM import uses), in villages of 200 households with
/// shelters for 120 % of residents (as `evac-county`, so that the
/// evacuation's cost does not hinge on who finds no room). `CountyDrill`
/// says what runs for 12 simulated hours. Two results: the whole run
/// (generation, building the models, the loop) and the loop alone, each
/// with CPU seconds and the peak resident set; a breakdown goes to
/// standard error.
///
/// The flood DEM has 50 m cells: the main valley floor (2.4 km) spans 48
/// cells and a side valley floor 32, enough to carry the water along the
/// valley and to its villages, and the county's band along 114 km of
/// valley has 300k cells, which keep the flood near a third of the run;
/// at 25 m it would be 1.2 M cells and twice the steps (the time step
/// follows the cell size), eight times the flood's cost, past the budget.
/// The `county-flood-*` entries measure that scaling: the same band at
/// 50, 25 and 12.5 m (0.3 M, 1.2 M and 4.8 M wet cells) for 100 steps.
struct CountyBenchmark {
  var households: Int
  var cellSize = 50.0
  /// Simulated hours: 12, or 2 with `DRILLSIM_BENCH_SHORT=1` (the rising
  /// flood and the whole evacuation, short enough for callgrind).
  var hours = BenchmarkSize.pick(12.0, short: 2.0)

  func run(name: String) -> [BenchmarkResult] {
    let clock = ContinuousClock()
    let cpuStart = ProcessUsage.cpuSeconds()
    let start = clock.now
    var options = SyntheticCountyOptions(
      villages: max(1, households / 200), householdsPerVillage: 200, seed: 1)
    options.shelterShare = 1.2
    let drill: CountyDrill
    let generated: ContinuousClock.Instant
    do {
      let county = try SyntheticCounty.generate(options)
      generated = clock.now
      drill = try CountyDrill(county: county, cellSize: cellSize, hours: hours, seed: 1)
    } catch {
      TownshipBenchmarks.note("\(name): \(error)")
      return []
    }
    let built = clock.now
    let cpuLoop = ProcessUsage.cpuSeconds()
    drill.run()
    let end = clock.now
    let cpuEnd = ProcessUsage.cpuSeconds()
    if let failure = drill.failure {
      TownshipBenchmarks.note("\(name): \(failure)")
      return []
    }
    let peak = ProcessUsage.peakRSSMiB()
    note(drill, name: name, generate: seconds(generated - start), build: seconds(built - generated))
    let events = drill.simulator.eventsProcessed
    var whole = BenchmarkResult(
      name: name, queue: "county run (generate, build, \(format(hours, 0)) h)", events: events,
      wallSeconds: seconds(end - start))
    whole.cpuSeconds = cpuEnd - cpuStart
    whole.peakRSSMiB = peak
    var loop = BenchmarkResult(
      name: name, queue: "county loop (\(format(hours, 0)) h simulated)", events: events,
      wallSeconds: seconds(end - built))
    loop.cpuSeconds = cpuEnd - cpuLoop
    loop.peakRSSMiB = peak
    return [whole, loop]
  }

  /// One line per part of the run, for standard error.
  func note(_ drill: CountyDrill, name: String, generate: Double, build: Double) {
    let map = drill.county.township
    let network = drill.evacuation.network
    let times = network.clearance()
    func minutes(_ t: Double?) -> String { t.map { format($0 / 60, 1) } ?? "-" }
    let updates = drill.flood.solver.cellUpdates
    let steps = max(drill.flood.solver.steps, 1)
    let compliance = drill.response.reports.compliance(at: drill.simulator.now)
    TownshipBenchmarks.note(
      "\(name): \(map.population) residents, \(drill.evacuation.roster.count) households, "
        + "\(map.nodes.count) nodes, \(map.links.count) links; generate \(format(generate, 2)) s, "
        + "build \(format(build, 2)) s")
    let solver = drill.flood.solver
    TownshipBenchmarks.note(
      "\(name): flood \(drill.floodCells) cells at \(format(cellSize, 1)) m, \(steps) steps "
        + "(mean dt \(format(solver.time / Double(steps), 2)) s), \(updates) cell updates "
        + "(\(updates / steps) active, \(solver.wetCellUpdates / steps) wet per step), "
        + "\(format(drill.floodSeconds, 2)) s wall, \(format(drill.couplingSeconds, 2)) s of it "
        + "coupling (\(drill.flood.watchedCells.cells) cells under "
        + "\(drill.flood.watchedCells.linkCells) link samples); "
        + "\(drill.linkClosures) link closures, \(drill.wetZones) zones wet, "
        + "\(drill.floodedShelters) shelters flooded")
    let million = 1e-6
    TownshipBenchmarks.note(
      "\(name): water in \(format((solver.inflowVolume + solver.rainVolume) * million, 1)) M m3 "
        + "(rain \(format(solver.rainVolume * million, 1))), out at the east edge "
        + "\(format(drill.flood.outflowVolume * million, 1)), on the band at the end "
        + "\(format(drill.flood.volume * million, 1)); deepest \(format(drill.flood.maxDepth, 2)) m"
    )
    TownshipBenchmarks.note("\(name): \(deepestCell(drill))")
    let hourly = drill.hourlyDeepest.enumerated().map { hour, deepest in
      "\(hour + 1) h \(format(deepest.depth, 1)) m at (\(format(deepest.x / 1_000, 2)), "
        + "\(format(deepest.y / 1_000, 2)))"
    }
    TownshipBenchmarks.note("\(name): deepest by the hour (km): \(hourly.joined(separator: "; "))")
    TownshipBenchmarks.note(
      "\(name): evacuation \(times.persons) persons, T50 \(minutes(times.t50)) min, "
        + "T90 \(minutes(times.t90)) min, in place \(times.inPlace), rerouted "
        + "\(network.reroutedCount), tree repairs \(network.treeRepairs)")
    TownshipBenchmarks.note(
      "\(name): response \(drill.incidentsReported) incidents, \(drill.dispatches) dispatches; "
        + "reports due \(compliance.due), on time \(compliance.onTime); "
        + "\(drill.deliveries) deliveries; \(drill.simulator.eventsProcessed) events")
  }

  /// Where the deepest water stood: the cell, its bed, its depth now, and
  /// where it lies against the river and the nearest side valley (the
  /// solver's time step follows the deepest water, so this is what sets
  /// the flood's cost).
  func deepestCell(_ drill: CountyDrill) -> String {
    let solver = drill.flood.solver
    let grid = solver.grid
    let deepest = solver.maxDepths()
    guard let cell = deepest.indices.max(by: { deepest[$0] < deepest[$1] }) else {
      return "no cells"
    }
    let (x, y) = grid.centre(col: cell % grid.ncols, row: cell / grid.ncols)
    let terrain = drill.county.terrain
    let valley = terrain.valleys.min { abs($0.x - x) < abs($1.x - x) }
    let side =
      valley.map { v in
        "nearest side valley at x \(format(v.x / 1_000, 2)) km (\(v.side > 0 ? "north" : "south"), "
          + "head \(format(v.headDistance / 1_000, 1)) km)"
      } ?? "no side valley"
    return "deepest cell at x \(format(x / 1_000, 3)) km, y \(format(y / 1_000, 3)) km "
      + "(column \(cell % grid.ncols), row \(cell / grid.ncols)): bed \(format(grid.bed[cell], 2)) m, "
      + "deepest \(format(deepest[cell], 2)) m, now \(format(solver.depths()[cell], 2)) m; "
      + "river axis at y \(format(terrain.riverY(at: x) / 1_000, 3)) km; \(side)"
  }

  func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// Wet-cell updates per second on the county's flood band at `cellSize`.
  ///
  /// Every cell starts 0.1 m deep under 20 mm/h of rain, so all of them
  /// stay wet and the events are cell updates; building the DEM is not
  /// timed, the 100 steps are.
  static func floodScaling(name: String, cellSize: Double) -> [BenchmarkResult] {
    do {
      // The terrain depends on the number of villages and the seed only.
      let county = try SyntheticCounty.generate(
        SyntheticCountyOptions(villages: 2_000, householdsPerVillage: 1, seed: 1))
      let flood = try FloodModel(
        terrain: CountyDrill.valleyBand(county.terrain, cellSize: cellSize), roughness: nil,
        at: 0)
      try flood.addRain(mmPerHour: 20, from: 0, to: 86_400)
      try flood.solver.setDepths(flood.solver.depths().map { $0 + 0.1 })
      let before = flood.solver.cellUpdates
      let cpuStart = ProcessUsage.cpuSeconds()
      let seconds = Stopwatch.seconds {
        for _ in 0..<100 { flood.solver.step() }
      }
      let cpu = ProcessUsage.cpuSeconds() - cpuStart
      let cells = flood.solver.grid.ncols * flood.solver.grid.nrows
      var result = BenchmarkResult(
        name: name, queue: "FloodSolver county band \(cells) cells at \(cellSize) m, 100 steps",
        events: flood.solver.cellUpdates - before, wallSeconds: seconds)
      result.cpuSeconds = cpu
      result.peakRSSMiB = ProcessUsage.peakRSSMiB()
      return [result]
    } catch {
      TownshipBenchmarks.note("\(name): \(error)")
      return []
    }
  }

  /// The catalog entries: the county and its smaller sizes, the 1 M
  /// household evacuation alone, and the flood band at three resolutions.
  static let entries = [
    Benchmark(
      name: "county",
      summary: "synthetic county, 1 M residents: flood + evacuation + response, 12 h",
      run: { CountyBenchmark(households: 400_000).run(name: "county") }),
    Benchmark(
      name: "county-100k",
      summary: "the county drill on 100k households (250k residents), 12 h",
      run: { CountyBenchmark(households: 100_000).run(name: "county-100k") }),
    Benchmark(
      name: "county-10k",
      summary: "the county drill on 10k households (25k residents), 12 h",
      run: { CountyBenchmark(households: 10_000).run(name: "county-10k") }),
    Benchmark(
      name: "evac-county-1m",
      summary: "synthetic county, 1 M households ordered out at once, auto mode, queue network",
      run: { EvacuationBenchmark(households: 1_000_000).run(name: "evac-county-1m") }),
    Benchmark(
      name: "evac-county-1m-build-order",
      summary: "evac-county-1m on the generator's build order (no locality renumbering)",
      run: {
        EvacuationBenchmark(households: 1_000_000, localityOrder: false)
          .run(name: "evac-county-1m-build-order")
      }),
    Benchmark(
      name: "county-flood-50m",
      summary: "flood solver on the 1 M county's valley band at 50 m (0.3 M wet cells)",
      run: { floodScaling(name: "county-flood-50m", cellSize: 50) }),
    Benchmark(
      name: "county-flood-25m",
      summary: "flood solver on the 1 M county's valley band at 25 m (1.2 M wet cells)",
      run: { floodScaling(name: "county-flood-25m", cellSize: 25) }),
    Benchmark(
      name: "county-flood-12m",
      summary: "flood solver on the 1 M county's valley band at 12.5 m (4.8 M wet cells)",
      run: { floodScaling(name: "county-flood-12m", cellSize: 12.5) }),
  ]
}
