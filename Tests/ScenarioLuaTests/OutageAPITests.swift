import Foundation
import Scenario
import Testing

/// `sim.outage`: scripted cuts and restorations (三断), and the power cut
/// a flooded substation makes.
@Suite struct OutageAPITests {
  /// Two villages on a road, with a substation and a base station beside
  /// the lower one (centre of the bowl of FloodAPITests).
  static let map = """
    map = {
      nodes = { { id = "a", x = 105, y = 105 }, { id = "b", x = 195, y = 105 },
                { id = "c", x = 195, y = 195 } },
      links = { { id = "ab", from = "a", to = "b", mode = "road", speed = 10 },
                { id = "bc", from = "b", to = "c", mode = "road", speed = 10 } },
      zones = { { id = "low", node = "a", population = 10 },
                { id = "high", node = "c", population = 10 } },
      facilities = { { id = "sub", kind = "substation", node = "a" },
                     { id = "bts", kind = "base_station", node = "c", serves = { "low", "high" } } },
    }
    """

  static func times(_ outcome: ScenarioHarness.Outcome, _ kind: String) -> [String] {
    outcome.events.filter { $0.kind == kind }.map { entry in
      let fields = entry.fields.map { field -> String in
        if case .string(let s) = field.value { return "\(field.key)=\(s)" }
        return field.key
      }
      return "\(entry.time.seconds) " + fields.joined(separator: " ")
    }
  }

  @Test func scriptedCutsStartAndEndAtTheirTimes() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "cuts", duration = 1000, \(Self.map) }
      sim.outage.cut { kind = "power", zones = { "low" }, at = 60, duration = 120 }
      sim.outage.cut { kind = "network", facility = "bts", at = 100 }
      sim.outage.restore { kind = "network", zones = { "high" }, at = 400 }
      for _, t in ipairs({ 59, 60, 179, 180, 399, 400 }) do
        sim.at(t, function()
          local low, high = sim.outage.status("low"), sim.outage.status("high")
          sim.log(string.format("%d %s %s %s", t, tostring(low.power), tostring(low.network),
            tostring(high.network)))
        end)
      end
      """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(
      Self.times(outcome, "outage.start") == [
        "60.0 kind=power zone=low cause=script", "100.0 kind=network zone=low cause=script",
        "100.0 kind=network zone=high cause=script",
      ])
    #expect(
      Self.times(outcome, "outage.end") == [
        "180.0 kind=power zone=low cause=script", "400.0 kind=network zone=high cause=script",
      ])
    let log = ScenarioHarness.messages(outcome)
    #expect(
      log == [
        "59 true true true", "60 false true true", "179 false false false",
        "180 true false false", "399 true false false", "400 true false true",
      ], "\(log)")
    // Power: 120 s of one zone. Network: low from 100 s to the end (1000 s),
    // high from 100 s to 400 s.
    let m = outcome.metrics
    #expect(m["outage.power_zone_min"] == 120.0 / 60)
    #expect(m["outage.network_zone_min"] == (900.0 + 300) / 60)
    #expect(m["outage.road_link_min"] == 0)
  }

  @Test func aRoadCutClosesTheZonesLinksForItsDuration() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "roads", duration = 600, \(Self.map) }
      sim.outage.cut { kind = "road", zones = { "high" }, at = 100, duration = 200 }
      sim.outage.cut { kind = "road", links = { "ab" }, at = 150 }
      sim.outage.restore { kind = "road", links = { "ab" }, at = 250 }
      sim.on("outage.start", function(e) sim.log(string.format("start %s %d", e.link, sim.now())) end)
      for _, t in ipairs({ 99, 100, 200, 300 }) do
        sim.at(t, function()
          sim.log(string.format("%d ab=%s bc=%s", t, tostring(sim.map.is_closed("ab")),
            tostring(sim.map.is_closed("bc"))))
        end)
      end
      """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let log = ScenarioHarness.messages(outcome)
    #expect(
      log == [
        "99 ab=false bc=false", "100 ab=false bc=true", "start bc 100", "start ab 150",
        "200 ab=true bc=true", "300 ab=false bc=false",
      ], "\(log)")
    #expect(outcome.metrics["outage.road_link_min"] == (200.0 + 100) / 60)
  }

  /// The bowl of FloodAPITests: the lowest cell is the substation's.
  static let bowl = HazardHarness.grid(columns: 20, rows: 20, cellSize: 10) { x, y in
    ((x - 105) * (x - 105) + (y - 105) * (y - 105)).squareRoot() / 10
  }

  @Test func aFloodedSubstationCutsPowerAtTheFirstStepOverTheThreshold() throws {
    let threshold = 0.3
    let inflow = 0.4
    let outcome = try HazardHarness.run(
      """
      scenario { name = "sub", terrain = "dem.asc", duration = 600, \(Self.map) }
      sim.flood.inflow { x = 105, y = 105, m3_per_s = \(inflow) }
      sim.on("outage.start", function(e)
        sim.log(string.format("%s %s %s %d", e.kind, e.zone, e.cause, sim.now()))
      end)
      """, files: ["dem.asc": Self.bowl])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    // The water stays in the 100 m2 cell: depth = 0.4 t / 100. The first
    // 60 s flood step with depth over 0.3 m:
    var step = 60.0
    while inflow * step / 100 <= threshold { step += 60 }
    // The substation powers both zones (it is the only one, so the nearest);
    // the base station is dry.
    #expect(
      ScenarioHarness.messages(outcome) == [
        "power low flood:sub \(Int(step))", "power high flood:sub \(Int(step))",
      ])
    #expect(outcome.metrics["outage.power_zone_min"] == 2 * (600 - step) / 60)
  }

  @Test func sameSeedSameOutageEvents() throws {
    let source = """
      scenario { name = "det", duration = 3000, \(Self.map) }
      local r = sim.rng("cuts")
      for i = 1, 20 do
        sim.outage.cut { kind = r:choice({ "power", "network", "road" }) == "road" and "road" or "power",
          zones = { r:choice({ "low", "high" }) }, at = r:uniform(0, 2000), duration = r:uniform(1, 600) }
      end
      """
    let first = try ScenarioHarness.run(source, seed: 7)
    let second = try ScenarioHarness.run(source, seed: 7)
    #expect(first.result.error == nil, "\(first.result.error ?? "")")
    let a = Self.times(first, "outage.start") + Self.times(first, "outage.end")
    #expect(!a.isEmpty)
    #expect(a == Self.times(second, "outage.start") + Self.times(second, "outage.end"))
    #expect(first.result.metrics.map(\.value) == second.result.metrics.map(\.value))
  }

  @Test(arguments: [
    (
      "sim.outage.cut { kind = 'power', zones = { 'nowhere' } }",
      "bad argument #1 to 'sim.outage.cut' (no zone 'nowhere' on the map)"
    ),
    (
      "sim.outage.cut { kind = 'gas', zones = { 'low' } }",
      "field 'kind' must be 'power', 'network' or 'road'"
    ),
    (
      "sim.outage.cut { kind = 'power', zones = { 'low' }, links = { 'ab' } }",
      "give exactly one of 'zones', 'links' or 'facility'"
    ),
    ("sim.outage.cut { kind = 'power', links = { 'ab' } }", "'links' go with kind = 'road'"),
    (
      "sim.outage.cut { kind = 'power', zones = { 'low' }, duration = 0 }",
      "field 'duration' must be > 0 seconds"
    ),
    ("sim.outage.status('nowhere')", "no zone 'nowhere' on the map"),
  ])
  func badArgumentsNameTheCall(call: String, message: String) throws {
    let outcome = try ScenarioHarness.run(
      "scenario { name = 'x', \(Self.map) }\nsim.process(function() \(call) end)")
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
