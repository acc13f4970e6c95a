import Foundation
import Scenario
import Testing
import Township

/// `sim.flood`: the solver on the header's terrain, its volumes, and the
/// links it closes on the map.
@Suite struct FloodAPITests {
  /// A flat 100 m x 100 m box at z = 0 (10 m cells): every litre stays.
  static let flat = HazardHarness.grid(columns: 10, rows: 10, cellSize: 10) { _, _ in 0 }

  @Test func fillAndRainAddTheirVolumesWithoutAMap() throws {
    let outcome = try HazardHarness.run(
      """
      scenario { name = "box", terrain = "dem.asc", duration = hours(2) }
      sim.flood.fill { level = 0.5 }
      sim.flood.rain { mm_per_h = 36, from = 0, to = hours(1) }
      sim.after(1800, function()
        sim.metric("half_depth_m", sim.flood.depth_at(50, 50))
        sim.metric("half_volume_m3", sim.flood.volume())
      end)
      sim.metric("outside", sim.flood.depth_at(500, 50) == nil and 1 or 0)
      """, files: ["dem.asc": Self.flat])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    // 0.5 m over 10 000 m2, plus 36 mm/h for an hour, then half of that.
    #expect(abs((m["flood.volume_m3"] ?? 0) - 5360) < 1e-6)
    #expect(abs((m["half_volume_m3"] ?? 0) - 5180) < 1e-6)
    #expect(abs((m["half_depth_m"] ?? 0) - 0.518) < 1e-9)
    #expect(abs((m["flood.max_depth_m"] ?? 0) - 0.536) < 1e-9)
    #expect(m["outside"] == 1)
  }

  /// A bowl: a single lowest cell at (105, 105), z = distance / 10 m from
  /// it, so the water of an inflow there stays in that cell until 1 m.
  static let bowl = HazardHarness.grid(columns: 20, rows: 20, cellSize: 10) { x, y in
    ((x - 105) * (x - 105) + (y - 105) * (y - 105)).squareRoot() / 10
  }

  static let valley = """
    scenario { name = "valley", terrain = "dem.asc", duration = 600, map = {
      nodes = { { id = "a", x = 15, y = 105 }, { id = "b", x = 195, y = 105 },
                { id = "c", x = 15, y = 195 }, { id = "d", x = 195, y = 195 } },
      links = { { id = "low", from = "a", to = "b", mode = "road", speed = 10 },
                { id = "ac", from = "a", to = "c", mode = "road", speed = 10 },
                { id = "cd", from = "c", to = "d", mode = "road", speed = 10 },
                { id = "db", from = "d", to = "b", mode = "road", speed = 10 } } } }
    sim.flood.inflow { x = 105, y = 105, m3_per_s = 0.4 }
    sim.on("flood.link_closed", function(e)
      sim.log(string.format("closed %s %s %.3f at %d", e.link, e.closed, e.depth, sim.now()))
    end)
    sim.every(60, function()
      local d = 0
      for x = 15, 195, 5 do d = math.max(d, sim.flood.depth_at(x, 105)) end
      local drive = sim.map.route("a", "b", { mode = "drive" })
      local walk = sim.map.route("a", "b", { mode = "walk" })
      sim.log(string.format("t=%d d=%.3f drive=%s walk=%s", sim.now(), d,
        table.concat(drive.links, ","), table.concat(walk.links, ",")))
    end)
    """

  @Test func aFloodedLinkClosesAtTheFirstAdvancePastTheLimit() throws {
    let outcome = try HazardHarness.run(Self.valley, files: ["dem.asc": Self.bowl])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let log = ScenarioHarness.messages(outcome)
    // 0.4 m3/s into one 100 m2 cell: 0.24 m at 60 s, 0.48 m at 120 s
    // (closed to cars, not walkers), 0.72 m at 180 s (closed to all).
    #expect(log.contains("t=60 d=0.240 drive=low walk=low"), "\(log)")
    #expect(log.contains("closed low drive 0.480 at 120"), "\(log)")
    #expect(log.contains("t=120 d=0.480 drive=ac,cd,db walk=low"), "\(log)")
    #expect(log.contains("closed low all 0.720 at 180"), "\(log)")
    #expect(log.contains("t=180 d=0.720 drive=ac,cd,db walk=ac,cd,db"), "\(log)")
    // A closed box keeps the water: the link stays closed to the end.
    #expect(log.last?.hasSuffix("drive=ac,cd,db walk=ac,cd,db") == true, "\(log)")
    #expect(outcome.kinds.filter { $0 == "link.flooded" }.count == 2)
    #expect(!outcome.kinds.contains("link.reopened"))
    #expect(abs((outcome.metrics["flood.volume_m3"] ?? 0) - 240) < 1e-6)
  }

  @Test func theScriptReopeningALinkDoesNotLiftTheFlood() throws {
    let outcome = try HazardHarness.run(
      Self.valley + """

        sim.at(200, function()
          sim.map.open_link("low")
          sim.log("after open: " .. table.concat(sim.map.route("a", "b", { mode = "drive" }).links, ","))
        end)
        """, files: ["dem.asc": Self.bowl])
    #expect(ScenarioHarness.messages(outcome).contains("after open: ac,cd,db"))
  }

  @Test func aLinkReopensForEachModeAsTheWaterRecedes() throws {
    let terrain = Raster(columns: 20, rows: 20, west: 0, south: 0, cellSize: 10, filledWith: 0)
    let map = LiveMap(
      township: try Township(
        nodes: [
          Node(id: "a", position: MapPoint(x: 15, y: 105)),
          Node(id: "b", position: MapPoint(x: 195, y: 105)),
        ],
        links: [Link(id: "low", from: 0, to: 1, length: 180, mode: .road, speed: 10, capacity: 1)]))
    let flood = try FloodModel(terrain: terrain, roughness: nil, at: 0)
    flood.couple(to: map)
    func setDepth(_ d: Double) throws {
      var depths = [Double](repeating: 0, count: 400)
      depths[9 * 20 + 10] = d  // the cell at (105, 105), on the link
      try flood.solver.setDepths(depths)
    }
    try setDepth(0.6)
    #expect(flood.updateLinks().map(\.closedModes) == ["all"])
    try setDepth(0.4)
    let partly = flood.updateLinks()
    #expect(partly.map(\.closedModes) == ["drive"])
    #expect(partly.first?.isClosing == false)
    #expect(map.closedModes(link: "low") == LiveMap.HazardClosure(driving: true, walking: false))
    try setDepth(0.3)
    #expect(flood.updateLinks().map(\.closedModes) == ["none"])
    #expect(map.isClosed(link: "low") == false)
  }

  @Test func floodCallsWithoutTerrainSayWhy() throws {
    let outcome = try ScenarioHarness.run(
      "scenario { name = 'x' }\nsim.process(function() sim.flood.fill { level = 1 } end)")
    #expect(
      outcome.result.error?.contains(
        "this scenario has no terrain: name one with scenario{ terrain = ... }") == true,
      "\(outcome.result.error ?? "")")
  }

  @Test(arguments: [
    (
      "sim.flood.inflow { x = 5, m3_per_s = 1 }",
      "bad argument #1 to 'sim.flood.inflow' (field 'y' (number) expected)"
    ),
    (
      "sim.flood.inflow { x = 5, y = 5, m3_per_s = 'lots' }",
      "bad argument #1 to 'sim.flood.inflow' (field 'm3_per_s' must be a number"
    ),
    (
      "sim.flood.inflow { x = 5, y = 5, m3_per_s = { {0, 1}, {-5, 2} } }", "times must not decrease"
    ),
    ("sim.flood.inflow { x = 5000, y = 5, m3_per_s = 1 }", "is outside the terrain"),
    (
      "sim.flood.rain { mm_per_h = 10, form = 0 }",
      "bad argument #1 to 'sim.flood.rain' (unknown field 'form'"
    ),
    ("sim.flood.fill(3)", "bad argument #1 to 'sim.flood.fill' (table expected, got number)"),
  ])
  func badArgumentsNameTheCallAndTheArgument(call: String, message: String) throws {
    let outcome = try HazardHarness.run(
      "scenario { name = 'x', terrain = 'dem.asc' }\nsim.process(function() \(call) end)",
      files: ["dem.asc": Self.flat])
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
