import Scenario
import Testing

/// Processes: start order, waiting, timers, events and cancellation.
@Suite struct ProcessTests {
  @Test func processesRunInTimeThenStartOrder() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.process(function() sim.wait(2); sim.log("a2") end)
      sim.process(function() sim.wait(1); sim.log("b1") end)
      sim.process(function() sim.log("c0") end)
      sim.after(1, function() sim.log("d1") end)
      sim.at(3, function() sim.log("e3 " .. sim.now()) end)
      """)
    // d1 was scheduled (for t = 1) during setup, before b's first wait at
    // t = 0 scheduled its wake-up for t = 1: equal times run in scheduling order.
    #expect(ScenarioHarness.messages(outcome) == ["c0", "d1", "b1", "a2", "e3 3.0"])
    #expect(outcome.result.simEnd.ms == 3000)
  }

  @Test func everyTicksUntilTheDuration() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "ticks", duration = 10 }
      local n = 0
      sim.every(3, function() n = n + 1; sim.metric("ticks", n) end)
      """)
    #expect(outcome.metrics["ticks"] == 3)  // at 3, 6 and 9 s
    #expect(outcome.result.simEnd.ms == 10_000)
  }

  @Test func handlersAndWaitersReceiveThePayload() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.on("alarm", function(p) sim.log("handler " .. p.level) end)
      sim.process(function() local p = sim.wait_for("alarm"); sim.log("waiter " .. p.level) end)
      sim.after(5, function() sim.emit("alarm", { level = 3 }) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["handler 3", "waiter 3"])
    let alarm = try #require(outcome.events.first { $0.kind == "alarm" })
    #expect(alarm.time.ms == 5000)
    #expect(alarm.fields.map(\.key) == ["level"])
  }

  @Test func cancelledProcessNeverResumes() throws {
    let outcome = try ScenarioHarness.run(
      """
      local p = sim.process(function() sim.wait(10); sim.log("should not run") end)
      sim.after(1, function() p:cancel(); sim.log("alive " .. tostring(p:alive())) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["alive false"])
  }

  @Test func joinWaitsForTheOtherProcess() throws {
    let outcome = try ScenarioHarness.run(
      """
      local worker = sim.process(function() sim.wait(4) end)
      sim.process(function() worker:join(); sim.log("joined at " .. sim.now()) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["joined at 4.0"])
  }

  @Test func stopEndsTheRunWithAReason() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.every(1, function() if sim.now() >= 5 then sim.stop("enough") end end)
      """)
    #expect(outcome.result.stopReason == "enough")
    #expect(outcome.result.simEnd.ms == 5000)
    #expect(outcome.result.status == .complete)
  }

  @Test func waitOutsideAProcessIsAClearError() throws {
    let outcome = try? ScenarioHarness.run("sim.wait(1)")
    #expect(outcome == nil)
    #expect(throws: (any Error).self) { try ScenarioHarness.run("sim.wait(1)") }
  }

  @Test func scriptErrorInAProcessFailsTheRunWithPlaceAndTime() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.process(function()
        sim.wait(7)
        local t = nil
        return t.field
      end)
      """)
    #expect(outcome.result.status == .failed)
    let error = try #require(outcome.result.error)
    #expect(error.contains("scenario.lua:4:"))
    #expect(error.contains("at sim time 7 s"))
    #expect(error.contains("stack traceback"))
  }
}
