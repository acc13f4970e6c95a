import ScenarioLua
import Testing

/// The `sim` table: a plain table the scenario reads directly, whose
/// fields a script may wrap but to which it cannot add.
@Suite struct SimTableTests {
  @Test func aMisspeltAssignmentNamesTheFieldAndLine() throws {
    do {
      _ = try ScenarioHarness.run("\nsim.wiat = function() end")
      Issue.record("expected an error")
    } catch {
      let message = "\(error)"
      #expect(message.contains("scenario.lua:2:"))
      #expect(message.contains("sim has no field 'wiat'"))
    }
  }

  @Test func aWrappedFieldAffectsOnlyTheScript() throws {
    let outcome = try ScenarioHarness.run(
      """
      local waits, wait = 0, sim.wait
      sim.wait = function(dt) waits = waits + 1; return wait(dt) end
      sim.process(function()
        for _ = 1, 3 do sim.wait(10) end
        sim.metric("waits", waits)
        sim.metric("at", sim.now())
      end)
      """)
    #expect(outcome.metrics["waits"] == 3)
    #expect(outcome.metrics["at"] == 30)
  }

  @Test func itsMetatableIsHidden() throws {
    let outcome = try ScenarioHarness.run(
      "sim.metric('hidden', getmetatable(sim) == false and 1 or 0)")
    #expect(outcome.metrics["hidden"] == 1)
  }
}
