import Foundation
import Hazards
import Scenario
import Testing
import Township

/// The flood's coupling rules: depth x speed for cars, the hazard rating
/// for walkers, thresholds from Lua, and wet zones and shelters.
@Suite struct FloodCouplingTests {
  /// A strip 600 m long and one 10 m cell wide, falling 5 % to the east
  /// into a pit 50 m deep (the edges are closed), with an inflow at its
  /// head rising to 5 m3/s over 20 minutes: at 0.3 m2/s the flow is about
  /// 0.16 m deep (q = h^(5/3) S^(1/2) / n), fast but shallow.
  static let strip = HazardHarness.grid(columns: 60, rows: 1, cellSize: 10) { x, _ in
    x > 550 ? -50 : (600 - x) * 0.05
  }

  static let stripScenario = """
    scenario { name = "strip", terrain = "dem.asc", duration = 1800, map = {
      nodes = { { id = "a", x = 205, y = 5 }, { id = "b", x = 405, y = 5 } },
      links = { { id = "road", from = "a", to = "b", mode = "road", speed = 10 } } } }
    sim.flood.inflow { x = 5, y = 5, m3_per_s = { { 0, 0 }, { 1200, 5 } } }
    sim.on("flood.link_closed", function(e)
      sim.log(string.format("closed %s %s %d", e.link, e.closed, sim.now()))
    end)
    sim.every(60, function()
      local d, dv = 0, 0
      for x = 205, 405, 10 do
        local depth = sim.flood.depth_at(x, 5)
        d = math.max(d, depth)
        dv = math.max(dv, depth * sim.flood.speed_at(x, 5))
      end
      sim.log(string.format("t=%d d=%.6f dv=%.6f", sim.now(), d, dv))
    end)
    """

  /// (time, depth, d*v) from the `t=` log lines.
  static func samples(_ log: [String]) -> [(t: Int, d: Double, dv: Double)] {
    log.compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 3, parts[0].hasPrefix("t="), let t = Int(parts[0].dropFirst(2)),
        let d = Double(parts[1].dropFirst(2)), let dv = Double(parts[2].dropFirst(3))
      else { return nil }
      return (t, d, dv)
    }
  }

  @Test func carsAreStoppedByFastShallowWater() throws {
    let outcome = try HazardHarness.run(Self.stripScenario, files: ["dem.asc": Self.strip])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let log = ScenarioHarness.messages(outcome)
    let samples = Self.samples(log)
    // The first sample over 0.3 m2/s, while the water is under 0.3 m.
    let first = try #require(samples.first { $0.dv > 0.3 })
    #expect(first.d < 0.3)
    #expect(samples.allSatisfy { $0.d < 0.3 })
    #expect(log.contains("closed road drive \(first.t)"), "\(log)")
    // Walkers are never stopped; cars may be again if the flow dips and
    // rises around the limit, but never before the first crossing.
    let closures = log.filter { $0.hasPrefix("closed") }
    #expect(closures.first == "closed road drive \(first.t)")
    #expect(closures.allSatisfy { $0.hasPrefix("closed road drive") })
    // Without the d*v rule nothing closes.
    let relaxed = try HazardHarness.run(
      Self.stripScenario + "\nsim.flood.thresholds { car_dv = 10 }",
      files: ["dem.asc": Self.strip])
    #expect(!ScenarioHarness.messages(relaxed).contains { $0.hasPrefix("closed") })
  }

  /// The bowl of FloodAPITests: 0.4 m3/s into its lowest cell (100 m2),
  /// still water 0.24 m deep at 60 s, 0.48 m at 120 s, 0.72 m at 180 s.
  static let bowl = HazardHarness.grid(columns: 20, rows: 20, cellSize: 10) { x, y in
    ((x - 105) * (x - 105) + (y - 105) * (y - 105)).squareRoot() / 10
  }

  static func bowlScenario(_ extra: String) -> String {
    """
    scenario { name = "bowl", terrain = "dem.asc", duration = 300, map = {
      nodes = { { id = "a", x = 15, y = 105 }, { id = "b", x = 195, y = 105 },
                { id = "m", x = 105, y = 105 } },
      links = { { id = "low", from = "a", to = "b", mode = "road", speed = 10 } },
      zones = { { id = "hollow", node = "m", population = 5 } },
      facilities = { { id = "hall", kind = "shelter", node = "m", capacity = 50 } } } }
    sim.flood.inflow { x = 105, y = 105, m3_per_s = 0.4 }
    \(extra)
    for _, kind in ipairs({ "flood.link_closed", "zone.wet", "shelter.flooded" }) do
      sim.on(kind, function(e)
        sim.log(string.format("%s %s %d", kind, e.closed or e.zone or e.facility, sim.now()))
      end)
    end
    """
  }

  @Test func theHazardRatingClosesPathsBeforeHalfAMetre() throws {
    // Still water: HR = d x 0.5 + DF. At 120 s, d = 0.48 m: urban DF = 1,
    // pasture DF = 0.
    let rating = FloodHazardRating(landUse: .urban).rating(depth: 0.48, speed: 0)
    #expect(abs(rating - (0.48 * 0.5 + 1)) < 1e-12)
    #expect(FloodHazardRating(landUse: .pasture).rating(depth: 0.48, speed: 0) == 0.24)
    let urban = try HazardHarness.run(
      Self.bowlScenario("sim.flood.thresholds { walk_hazard_rating = 'moderate' }"),
      files: ["dem.asc": Self.bowl])
    #expect(urban.result.error == nil, "\(urban.result.error ?? "")")
    let closures = { (o: ScenarioHarness.Outcome) in
      ScenarioHarness.messages(o).filter { $0.hasPrefix("flood.link_closed") }
    }
    // 1.24 > 0.75: closed to everyone at 120 s, though shallower than 0.5 m.
    #expect(closures(urban) == ["flood.link_closed all 120"])
    let pasture = try HazardHarness.run(
      Self.bowlScenario(
        "sim.flood.thresholds { walk_hazard_rating = 0.75, land_use = 'pasture' }"),
      files: ["dem.asc": Self.bowl])
    #expect(closures(pasture) == ["flood.link_closed drive 120", "flood.link_closed all 180"])
  }

  @Test func zonesAndSheltersGetWetAtTheFirstStepOverTheirDepth() throws {
    let outcome = try HazardHarness.run(Self.bowlScenario(""), files: ["dem.asc": Self.bowl])
    let log = ScenarioHarness.messages(outcome)
    // Zone 0.1 m: first over it at 60 s (0.24 m); shelter 0.3 m: 120 s.
    #expect(log.contains("zone.wet hollow 60"), "\(log)")
    #expect(log.contains("shelter.flooded hall 120"), "\(log)")
    #expect(outcome.kinds.filter { $0 == "zone.wet" }.count == 1)
    let raised = try HazardHarness.run(
      Self.bowlScenario("sim.flood.thresholds { zone_depth = 0.5, shelter_depth = 0.7 }"),
      files: ["dem.asc": Self.bowl])
    let later = ScenarioHarness.messages(raised)
    #expect(later.contains("zone.wet hollow 180"), "\(later)")
    #expect(later.contains("shelter.flooded hall 180"), "\(later)")
  }

  @Test func badThresholdsAreRefused() throws {
    let outcome = try HazardHarness.run(
      Self.bowlScenario(
        "sim.process(function() sim.flood.thresholds { walk_hazard_rating = 'dire' } end)"),
      files: ["dem.asc": Self.bowl])
    #expect(
      outcome.result.error?.contains("bad argument #1 to 'sim.flood.thresholds'") == true,
      "\(outcome.result.error ?? "")")
  }

  /// A 12 x 12 grid of 10 m cells crossed by 30 links in every direction
  /// (some sharing cells, some outside the grid).
  static func crossedMap() throws -> Township {
    var nodes: [Node] = []
    var links: [Link] = []
    var state: UInt64 = 7
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(UInt64(1) << 53)
    }
    for k in 0..<30 {
      nodes.append(Node(id: "n\(k)a", position: MapPoint(x: next() * 130, y: next() * 130)))
      nodes.append(Node(id: "n\(k)b", position: MapPoint(x: next() * 130, y: next() * 130)))
      links.append(
        Link(
          id: "l\(k)", from: 2 * k, to: 2 * k + 1, length: 100, mode: .road, speed: 10, capacity: 1)
      )
    }
    return try Township(nodes: nodes, links: links)
  }

  @Test func updatingOnlyTheLinksOnChangedCellsMatchesAFullPass() throws {
    let township = try Self.crossedMap()
    let terrain = Raster(columns: 12, rows: 12, west: 0, south: 0, cellSize: 10, filledWith: 0)
    let flood = try FloodModel(terrain: terrain, roughness: nil, at: 0)
    let map = LiveMap(township: township)
    flood.couple(to: map)
    var state: UInt64 = 11
    var changed = 0
    for round in 0..<40 {
      let depths = (0..<144).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let u = Double(state >> 11) / Double(UInt64(1) << 53)
        return u < 0.8 ? 0 : (u - 0.8) * 4  // most cells dry, the rest up to 0.8 m
      }
      try flood.solver.setDepths(depths)
      if round == 20 { flood.thresholds.carDepth = 0.1 }
      if round == 30 { flood.thresholds.walkHazardRating = 0.5 }
      changed += flood.updateLinks().count
      // A fresh coupling looks at every link.
      let fresh = try FloodModel(terrain: terrain, roughness: nil, at: 0)
      fresh.thresholds = flood.thresholds
      try fresh.solver.setDepths(depths)
      let reference = LiveMap(township: township)
      fresh.couple(to: reference)
      _ = fresh.updateLinks()
      for link in township.links {
        #expect(
          map.hazardClosure(link: link.id) == reference.hazardClosure(link: link.id),
          "round \(round), link \(link.id)")
      }
    }
    #expect(changed > 40, "the links must have opened and closed often")
  }
}
