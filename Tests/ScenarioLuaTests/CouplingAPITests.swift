import Scenario
import Testing

/// The response and supply models a map with facilities gets without
/// asking, and their coupling to the evacuation, by hand calculation.
@Suite struct CouplingAPITests {
  /// Two zones of 50 persons (one household each) at a, walking 1 m/s over
  /// a 100 m path to the school at b; no stations, no depots.
  static let township = """
    scenario { name = "coupling", duration = hours(3), map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 1 } },
      zones = { { id = "east", node = "a", population = 50, households = 1, walk_speed = 1.0 },
                { id = "west", node = "a", population = 50, households = 1, walk_speed = 1.0 } },
      facilities = { { id = "school", kind = "shelter", node = "b", capacity = 500 } },
    } }

    """

  /// Whether any metric belongs to the response or supply models.
  static func hasModelMetrics(_ metrics: [String: Double]) -> Bool {
    metrics.keys.contains { name in
      ["response.", "teams.", "reports.", "supply."].contains { name.hasPrefix($0) }
    }
  }

  /// Admissions at 100 s and 3700 s run the school dry at 7300 s.
  ///
  /// East leaves at 0 s and is admitted at 100 s; west, ordered at 1 h,
  /// at 3700 s. Water at 3 L per person per day (0.125 L/h): 50 persons
  /// use 6.25 L from 100 s to 3700 s, leaving 12.5 L of 18.75 L; 100
  /// persons use 12.5 L/h, so the school runs dry 1 h later, at 7300 s.
  @Test("shelter admissions set the supplies' headcount as they happen")
  func admissionsDrawDownWater() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.supply.add("school", "water", 18.75)
        sim.evacuate { zones = { "east" }, mode = "walk", premovement = 0 }
        sim.at(hours(1), function()
          sim.evacuate { zones = { "west" }, mode = "walk", premovement = 0 }
        end)
        sim.at(3650, function()
          sim.log(string.format("stock %.4f", sim.supply.stock("school", "water")))
        end)
        """)
    #expect(outcome.result.error == nil)
    #expect(outcome.metrics["evacuation.safe"] == 100)
    // 50 persons x 0.125 L/h x 3550 s = 6.1632 L used by 3650 s.
    #expect(ScenarioHarness.messages(outcome) == ["stock 12.5868"])
    #expect(outcome.metrics["supply.school.water.runout_s"] == 7_300)
    #expect(outcome.kinds.contains("supply.ran_out"))
  }

  /// Reports owed at 3 h on an order at 0 s, by hand.
  ///
  /// The first order opens the chain with the default deadlines; the
  /// second does not reopen it. At 3 h: village first due 600 s (filed
  /// at 300 s: on time), township first due 1200 s (filed at 1500 s:
  /// late), township follow-ups due 3600 s and 7200 s (missing) with the
  /// next at 10800 s pending, county first due 7200 s (missing).
  @Test("the evacuation order opens the reporting chain")
  func orderOpensReports() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.evacuate { zones = { "east" }, mode = "walk", premovement = 0 }
        sim.at(hours(1), function() sim.evacuate { zones = { "west" } } end)
        sim.at(300, function() sim.report { event = "evacuation", level = "village" } end)
        sim.at(1500, function() sim.report { event = "evacuation", level = "township" } end)
        """)
    let m = outcome.metrics
    #expect(outcome.result.error == nil)
    #expect(outcome.kinds.filter { $0 == "report.opened" }.count == 1)
    #expect(m["reports.due"] == 5)
    #expect(m["reports.on_time"] == 1)
    #expect(m["reports.late"] == 1)
    #expect(m["reports.missing"] == 3)
    #expect(m["reports.pending"] == 1)
  }

  /// A map with a shelter and no calls still reports every model, at zero
  /// activity: no teams, no incidents, nobody to supply.
  @Test("a map with facilities reports response and supply metrics unasked")
  func idleModelsReport() throws {
    let m = try ScenarioHarness.run(Self.township).metrics
    #expect(m["response.incidents"] == 0)
    #expect(m["teams.count"] == 0)
    #expect(m["teams.utilisation"] == 0)
    #expect(m["reports.due"] == 0)
    #expect(m["reports.missing"] == 0)
    #expect(m["supply.shortfall_person_h"] == 0)
    #expect(m["supply.deliveries"] == 0)
  }

  /// A station's default team idles for the whole run.
  @Test("a mapped station gets its default team at run start")
  func stationTeamIdles() throws {
    let m = try ScenarioHarness.run(
      """
      scenario { name = "station", duration = hours(1), map = {
        nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 } },
        links = { { id = "ab", from = "a", to = "b", mode = "road" } },
        facilities = { { id = "st1", kind = "station", node = "a" } },
      } }
      """
    ).metrics
    #expect(m["teams.count"] == 1)
    #expect(m["teams.utilisation"] == 0)
    #expect(m["teams.idle_s"] == 3_600)
    #expect(m["supply.basic_needs_10h"] == 1)
  }

  @Test("a map without stations, depots or shelters reports none of them")
  func bareMapReportsNone() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "bare", duration = hours(1), map = {
        nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 } },
        links = { { id = "ab", from = "a", to = "b", mode = "road" } },
        facilities = { { id = "clinic", kind = "clinic", node = "b" } },
      } }
      """)
    #expect(outcome.result.error == nil)
    #expect(!Self.hasModelMetrics(outcome.metrics))
  }
}
