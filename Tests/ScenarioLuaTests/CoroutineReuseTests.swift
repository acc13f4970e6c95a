import LuaHost
import Scenario
import Testing

/// Coroutine reuse: a process's coroutine runs the next process's body once
/// its own returned or was cancelled, and a process on a reused coroutine
/// behaves as on a new one (arguments, wake-ups, errors, limits).
@Suite struct CoroutineReuseTests {
  @Test func eachBodyGetsItsOwnArgumentsOnAReusedCoroutine() throws {
    let outcome = try ScenarioHarness.run(
      """
      for i = 1, 4 do
        sim.after(i, function(a, b, ...)
          sim.log(a .. "+" .. b .. " extra " .. select("#", ...) .. " at " .. sim.now())
        end, i, 10 * i)
      end
      sim.after(5, function(...) sim.log("none " .. select("#", ...)) end)
      """)
    #expect(
      ScenarioHarness.messages(outcome) == [
        "1+10 extra 0 at 1.0", "2+20 extra 0 at 2.0", "3+30 extra 0 at 3.0",
        "4+40 extra 0 at 4.0", "none 0",
      ])
  }

  @Test func aCancelledProcessesCoroutineRunsTheNextBodyAndTheOldWakeUpIsIgnored() throws {
    // p's coroutine is reset at t = 2 and runs the next process's body; p's
    // own wake-up at t = 10 must not resume it.
    let outcome = try ScenarioHarness.run(
      """
      local p = sim.process(function()
        sim.wait(10)
        sim.log("should not run")
      end)
      sim.after(2, function()
        p:cancel()
        sim.process(function(n) sim.wait(9); sim.log("next " .. n .. " at " .. sim.now()) end, 7)
      end)
      """)
    #expect(outcome.result.status == .complete)
    #expect(ScenarioHarness.messages(outcome) == ["next 7 at 11.0"])
  }

  @Test func anErrorOnAReusedCoroutineNamesFileLineAndTime() throws {
    let outcome = try ScenarioHarness.run(
      """
      for i = 1, 3 do sim.after(i, function() sim.wait(0.5) end) end
      sim.after(6, function()
        local t = nil
        return t.field
      end)
      """)
    #expect(outcome.result.status == .failed)
    let error = try #require(outcome.result.error)
    #expect(error.contains("scenario.lua:4:"))
    #expect(error.contains("at sim time 6 s"))
    #expect(error.contains("stack traceback"))
  }

  @Test func theBudgetStopsALoopOnAReusedCoroutineAtItsLine() throws {
    let outcome = try ScenarioHarness.run(
      """
      for i = 1, 3 do sim.after(i, function() sim.wait(0.5) end) end
      sim.after(6, function()
        while true do end
      end)
      """, limits: LuaLimits(instructions: 200_000, memoryBytes: 64 << 20))
    #expect(outcome.result.status == .limit)
    let error = try #require(outcome.result.error)
    #expect(error.contains("scenario.lua:3:"))
    #expect(error.contains("instruction budget"))
  }
}
