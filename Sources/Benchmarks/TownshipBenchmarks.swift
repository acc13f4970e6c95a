import Foundation
import SimKernel
import Township

/// Map benchmarks: generating the county, routing on it, importing OSM.
///
/// DESIGN.md §7 sets the synthetic county of 1 M residents at <= 120 s and
/// <= 4 GiB for a whole run; these measure the map's share of that. Only
/// the named step is timed (the county a routing run needs is generated
/// first, untimed). `events` counts what the step produced or answered:
/// map nodes, GeoJSON features, route queries. Extra figures (per-query
/// percentiles, peak RSS) go to standard error, so `--json` output keeps
/// its format.
enum TownshipBenchmarks {
  /// The county DESIGN.md §7 names: 2,000 villages of 200 households,
  /// 2.5 persons each, 1,000,000 residents.
  static let county = SyntheticCountyOptions(villages: 2_000, householdsPerVillage: 200, seed: 1)
  /// Route queries per run: 100,000, or `DRILLSIM_ROUTE_QUERIES` when set
  /// (a quick look at a slow machine; recorded figures use the default).
  static var queries: Int {
    let text = ProcessInfo.processInfo.environment["DRILLSIM_ROUTE_QUERIES"] ?? ""
    return Int(text).flatMap { $0 > 0 ? $0 : nil } ?? 100_000
  }
  /// The OSM extract `map-import` reads, relative to the working directory
  /// or to `DRILLSIM_HOME`.
  static let extract = "../shared/data/north-bayreuth/north-bayreuth.osm.gz"

  /// The benchmarks, in listing order.
  static let all = [
    Benchmark(
      name: "map-synth",
      summary:
        "synthetic county, 2000 villages x 200 households (1 M residents): generate, GeoJSON",
      run: { mapSynth() }),
    Benchmark(
      name: "route",
      summary: "100k random A* drive queries between road nodes of the 1 M-resident county",
      run: { route() }),
    Benchmark(
      name: "map-import",
      summary: "OSM import of north-bayreuth.osm.gz (skipped when the extract is absent)",
      run: { mapImport() }),
  ]

  /// Times generation (events: nodes) and GeoJSON writing (events: features).
  static func mapSynth() -> [BenchmarkResult] {
    var generated: SyntheticCounty?
    var failure: MapError?
    let generate = Stopwatch.seconds {
      do throws(MapError) {
        generated = try SyntheticCounty.generate(county)
      } catch {
        failure = error
      }
    }
    guard let generated else {
      note("map-synth: generation failed: \(failure.map(String.init(describing:)) ?? "?")")
      return []
    }
    let map = generated.township
    var bytes = 0
    let write = Stopwatch.seconds { bytes = map.geoJSONText().utf8.count }
    let features =
      map.nodes.count + map.links.count + map.zones.count + map.grids.count
      + map.facilities.count + map.hazards.count
    note(
      "map-synth: \(map.nodes.count) nodes, \(map.links.count) links, population "
        + "\(map.population), GeoJSON \(bytes / 1_048_576) MiB, peak RSS \(ProcessUsage.peakRSSMiB()) MiB"
    )
    return [
      BenchmarkResult(
        name: "map-synth", queue: "SyntheticCounty.generate", events: map.nodes.count,
        wallSeconds: generate),
      BenchmarkResult(
        name: "map-synth", queue: "Township.geoJSONText", events: features, wallSeconds: write),
    ]
  }

  /// Times `queries` drive routes between random road nodes (events: queries).
  static func route() -> [BenchmarkResult] {
    let map: Township
    do throws(MapError) {
      map = try SyntheticCounty.generate(county).township
    } catch {
      note("route: generation failed: \(error)")
      return []
    }
    var onRoad: [Int] = []
    var seen = [Bool](repeating: false, count: map.nodes.count)
    for link in map.links where link.mode == .road {
      for node in [link.from, link.to] where !seen[node] {
        seen[node] = true
        onRoad.append(node)
      }
    }
    onRoad.sort()
    let queries = queries
    var stream = RandomStream(seed: 1, name: "bench.route")
    let last = Int64(onRoad.count - 1)
    let pairs = (0..<queries).map { _ in
      (onRoad[Int(stream.integer(0, last))], onRoad[Int(stream.integer(0, last))])
    }
    let router = Router(township: map)
    var perQuery = [Double](repeating: 0, count: queries)
    var unreachable = 0
    var travel = 0.0
    let clock = ContinuousClock()
    let seconds = Stopwatch.seconds {
      for (index, pair) in pairs.enumerated() {
        let start = clock.now
        let result = router.route(from: pair.0, to: pair.1)
        let elapsed = (clock.now - start).components
        perQuery[index] = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        switch result {
        case .found(_, let time): travel += time
        case .unreachable: unreachable += 1
        }
      }
    }
    perQuery.sort()
    func micro(_ quantile: Double) -> String {
      String(format: "%.0f", perQuery[Int(quantile * Double(queries - 1))] * 1e6)
    }
    note(
      "route: \(onRoad.count) road nodes; per query median \(micro(0.5)) us, p90 \(micro(0.9)) us, "
        + "p99 \(micro(0.99)) us, max \(micro(1)) us; mean trip "
        + String(format: "%.0f", travel / Double(max(queries - unreachable, 1)) / 60)
        + " min; unreachable \(unreachable)")
    return [BenchmarkResult(name: "route", queue: "Router", events: queries, wallSeconds: seconds)]
  }

  /// Times the OSM import of the shipped extract (events: map nodes).
  static func mapImport() -> [BenchmarkResult] {
    var candidates = [FileManager.default.currentDirectoryPath + "/" + extract]
    if let home = ProcessInfo.processInfo.environment["DRILLSIM_HOME"], !home.isEmpty {
      candidates.append(home + "/" + extract)
    }
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
      note(
        "map-import: skipped: \(extract) not found (looked in \(candidates.joined(separator: ", ")))"
      )
      return []
    }
    var imported: Township?
    var failure: MapError?
    let seconds = Stopwatch.seconds {
      do throws(MapError) {
        imported = try OSMImporter.importMap(path: path).township
      } catch {
        failure = error
      }
    }
    guard let imported else {
      note("map-import: failed: \(failure.map(String.init(describing:)) ?? "?")")
      return []
    }
    note("map-import: \(path): \(imported.nodes.count) nodes, \(imported.links.count) links")
    return [
      BenchmarkResult(
        name: "map-import", queue: "OSMImporter", events: imported.nodes.count, wallSeconds: seconds
      )
    ]
  }

  /// Writes a line to standard error (standard output may be JSON).
  static func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
