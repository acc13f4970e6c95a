import Scenario
import Testing

/// `sim.supply.*` on an inline township: a depot at s, a camp at b, 300 s
/// apart by road.
@Suite struct SupplyAPITests {
  static let township = """
    scenario { name = "supply", duration = hours(8), map = {
      nodes = { { id = "s", x = 0, y = 0 }, { id = "b", x = 3000, y = 0 } },
      links = { { id = "sb", from = "s", to = "b", mode = "road", speed = 10 } },
      facilities = { { id = "depot1", kind = "depot", node = "s" } },
    } }

    """

  /// 100 persons x 3 L/h from 600 L: low (300 L) at 1 h; the truck leaves
  /// at 5100 s and arrives at 1.5 h with 1,200 L (150 L left -> 1,350 L);
  /// 1,200 L at 2 h; low again after 1,050 L more (3.5 h) at 5 h; empty
  /// at 6 h.
  @Test("stock, deliveries and low-stock handlers follow continuous consumption")
  func deliveryMovesRunOut() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.supply.shelter { id = "camp", at = "b", use = { water = 3 } }
        sim.supply.add("depot1", "water", 5000)
        sim.supply.add("camp", "water", 600)
        sim.supply.occupancy("camp", 100)
        sim.supply.on_low_stock("camp", "water", 300, function(e)
          sim.log(string.format("low %d %d", sim.now(), e.level))
        end)
        sim.at(5100, function()
          sim.supply.deliver { item = "water", amount = 1200, from = "depot1", to = "camp" }
        end)
        sim.at(hours(2), function()
          sim.log(string.format("stock %d", sim.supply.stock("camp", "water")))
        end)
        """)
    #expect(outcome.result.status == .complete)
    #expect(
      ScenarioHarness.messages(outcome) == ["low 3600 300", "stock 1200", "low 18000 300"])
    #expect(outcome.metrics["supply.camp.water.runout_s"] == 21_600)
    #expect(outcome.metrics["supply.water.delivered"] == 1_200)
    // Empty from 6 h to 8 h for 100 persons.
    #expect(outcome.metrics["supply.shortfall_person_h"] == 200)
    #expect(outcome.kinds.contains("supply.arrived"))
  }

  @Test("a closed road blocks a delivery")
  func closedRoadBlocks() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.supply.shelter { id = "camp", at = "b" }
        sim.supply.add("depot1", "food", 100)
        sim.map.close_link("sb")
        sim.supply.deliver { item = "food", amount = 100, from = "depot1", to = "camp" }
        """)
    #expect(outcome.kinds.contains("supply.blocked"))
    #expect(outcome.metrics["supply.deliveries_blocked"] == 1)
  }

  @Test("bad input names the argument")
  func badItem() throws {
    let outcome = try? ScenarioHarness.run(
      Self.township + """
        sim.supply.add("depot1", "gold", 1)
        """)
    #expect(outcome == nil)
  }
}
