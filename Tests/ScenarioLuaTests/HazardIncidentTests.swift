import Scenario
import Testing

/// Incidents the hazards raise by themselves: households trapped at home
/// by the water, and structure fires.
@Suite struct HazardIncidentTests {
  /// The bowl of FloodCouplingTests, with a household at home and one
  /// leaving.
  ///
  /// Still water 0.24 m deep at 60 s, 0.48 m at 120 s, 0.72 m at 180 s
  /// in its lowest cell (100..110 m). Zone `stay` (household h0) is never ordered; zone `leave` (h1) walks
  /// out at once to the hall at b.
  static func bowlScenario(_ extra: String) -> String {
    """
    scenario { name = "trapped", terrain = "dem.asc", duration = 300, map = {
      nodes = { { id = "m", x = 105, y = 105 }, { id = "b", x = 195, y = 105 } },
      links = { { id = "up", from = "m", to = "b", mode = "road", speed = 10 } },
      zones = { { id = "stay", node = "m", population = 2, households = 1 },
                { id = "leave", node = "m", population = 2, households = 1 } },
      facilities = { { id = "hall", kind = "shelter", node = "b", capacity = 50 } } } }
    sim.population { compliance = 1, scatter_radius = 0, elderly_alone_assistance_share = 0 }
    sim.flood.inflow { x = 105, y = 105, m3_per_s = 0.4 }
    \(extra)
    sim.evacuate { zones = { "leave" }, mode = "walk", premovement = 0, shadow_share = 0 }
    sim.on("incident", function(e)
      sim.log(e.kind .. " " .. e.id .. " " .. e.source .. " " .. e.persons .. " "
              .. math.floor(sim.now()))
    end)
    """
  }

  @Test("a household at home is trapped at the first flood step over 0.5 m; one gone is not")
  func trappedAtFirstStepOverDepth() throws {
    let outcome = try HazardHarness.run(
      Self.bowlScenario(""), files: ["dem.asc": FloodCouplingTests.bowl])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(ScenarioHarness.messages(outcome) == ["trapped trapped.h0 flood 2 180"])
    #expect(outcome.metrics["response.incidents.trapped"] == 1)
  }

  /// At 0.2 m the water (0.24 m) traps h0 at 60 s; h1, walking out since
  /// 0, is on its way.
  @Test("the trapped depth is set with sim.flood.thresholds")
  func trappedDepthIsConfigurable() throws {
    let outcome = try HazardHarness.run(
      Self.bowlScenario("sim.flood.thresholds { trapped_depth = 0.2 }"),
      files: ["dem.asc": FloodCouplingTests.bowl])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(ScenarioHarness.messages(outcome) == ["trapped trapped.h0 flood 2 60"])
  }

  /// A structure fire at a, reached 160 s after its alarm.
  ///
  /// Station st1 at s: 60 s turnout + 100 s to a. The default room (hazards.md §8) flashes over (Thomas) at 179.4 s when
  /// fast, 89.7 s when ultra-fast.
  @Test("a structure fire raises a fire incident; a room flashed over before arrival is lost")
  func structureFire() throws {
    for (growth, lost) in [("fast", 0.0), ("ultra_fast", 1.0)] {
      let outcome = try ScenarioHarness.run(
        ResponseAPITests.township + """
          sim.on("incident", function(e)
            sim.log(e.kind .. " " .. e.id .. " " .. e.source .. " " .. math.floor(sim.now()))
            sim.dispatch("st1", e)
          end)
          sim.at(10, function() sim.fire.structure { id = "house", at = "a", growth = "\(growth)" } end)
          """)
      #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
      #expect(ScenarioHarness.messages(outcome) == ["structure_fire house fire 10"])
      #expect(outcome.metrics["response.incidents.structure_fire"] == 1)
      #expect(outcome.metrics["response.structure_fire.mean_s"] == 160)
      #expect(outcome.metrics["fire.structure.fires"] == 1)
      #expect(outcome.metrics["fire.structure.lost"] == lost)
      let logged = outcome.events.first { $0.kind == "fire.structure" }
      #expect(logged != nil)
    }
  }

  @Test("sim.fire.structure refuses an unknown growth class, naming the field")
  func structureFireBadGrowth() throws {
    do {
      _ = try ScenarioHarness.run(
        ResponseAPITests.township + "sim.fire.structure { at = 'a', growth = 'smouldering' }")
      Issue.record("the run should have failed")
    } catch {
      #expect("\(error)".contains("field 'growth'"))
      #expect("\(error)".contains("scenario.lua:9"))
    }
  }
}
