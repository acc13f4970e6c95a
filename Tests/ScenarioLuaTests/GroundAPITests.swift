import Foundation
import Scenario
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sim.ground`: slopes that fail when the rain crosses their threshold
/// and cut the roads below them.
@Suite struct GroundAPITests {
  static let map = """
    map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 1000, y = 0 },
                { id = "c", x = 500, y = 800 } },
      links = { { id = "valley", from = "a", to = "b", mode = "road", speed = 10 },
                { id = "ac", from = "a", to = "c", mode = "road", speed = 10 },
                { id = "cb", from = "c", to = "b", mode = "road", speed = 10 } } }
    """

  @Test func aDebrisFlowCutsTheValleyRoadForItsDuration() throws {
    let hours = pow(14.82 / 10, 1 / 0.39)
    let crossing = (hours * 3600 * 1000).rounded(.up) / 1000
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "slope", duration = hours(6), \(Self.map) }
      sim.ground.slope { id = "gully", links = { "valley" }, class = "moderate",
                         duration = hours(1) }
      sim.ground.rain { mm_per_h = 10 }
      sim.on("ground.debris_flow", function(e)
        sim.metric("flow_s", sim.now())
        sim.metric("flow_hours", e.hours)
        sim.metric("flow_intensity", e.intensity)
        sim.metric("route_during", #sim.map.route("a", "b", { mode = "drive" }).links)
      end)
      sim.at(\(crossing) + 3601, function()
        sim.metric("route_after", #sim.map.route("a", "b", { mode = "drive" }).links)
      end)
      """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    #expect(m["flow_s"] == crossing)
    #expect(abs((m["flow_hours"] ?? 0) - hours) < 1e-9)
    #expect(abs((m["flow_intensity"] ?? 0) - 10) < 1e-9)
    #expect(m["route_during"] == 2)
    #expect(m["route_after"] == 1)
    let starts = outcome.events.filter { $0.kind == "outage.start" }
    let ends = outcome.events.filter { $0.kind == "outage.end" }
    #expect(starts.map(\.time.seconds) == [crossing])
    #expect(ends.map(\.time.seconds) == [crossing + 3600])
    #expect(
      starts.first?.fields.last?.value == .string("debris_flow:gully"),
      "\(starts.first?.fields ?? [])")
    #expect(outcome.kinds.filter { $0 == "ground.debris_flow" }.count == 1)
  }

  @Test func floodRainFallsOnTheSlopesToo() throws {
    let outcome = try HazardHarness.run(
      """
      scenario { name = "wet", terrain = "dem.asc", duration = 3600, \(Self.map) }
      sim.ground.slope { id = "scarp", class = "steep", kind = "landslide" }
      sim.flood.rain { mm_per_h = 20, from = 600 }
      sim.on("ground.landslide", function(e) sim.metric("slide_s", sim.now()) end)
      """,
      files: [
        "dem.asc": HazardHarness.grid(columns: 10, rows: 10, cellSize: 10) { _, _ in 0 }
      ])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    // Guzzetti (2008) at 20 mm/h crosses within 0.1 h, the shortest event.
    let slide = try #require(outcome.metrics["slide_s"])
    #expect(slide == 960, "\(slide.bitPattern) \(Double(960).bitPattern)")
  }

  @Test(arguments: [
    (
      "sim.ground.slope { id = 's', class = 'cliff' }",
      "field 'class' must be 'moderate' or 'steep'"
    ),
    ("sim.ground.slope { id = 's', links = { 'nope' } }", "no link 'nope' on the map"),
    ("sim.ground.slope { id = 's', a = 10, b = 2 }", "needs a > 0 and 0 < b < 1"),
    ("sim.ground.rain { mm_per_h = -1 }", "needs mm_per_h >= 0"),
  ])
  func badSlopesAreRefused(call: String, message: String) throws {
    let outcome = try ScenarioHarness.run(
      "scenario { name = 'x', \(Self.map) }\nsim.process(function() \(call) end)")
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
