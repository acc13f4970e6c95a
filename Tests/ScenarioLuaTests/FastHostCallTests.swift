import Foundation
import ScenarioLua
import SimKernel
import Testing

/// The fast host calls (sim.now, sim.wait, resource:request and :release,
/// stream:exponential, sim.process): the common case answered by the
/// bridge's fast path must behave as the general functions do, and every
/// other case must still reach them.
@Suite struct FastHostCallTests {
  @Test func nowReadsTheClockInSetupAndInProcesses() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.log("setup " .. sim.now())
      sim.process(function()
        sim.wait(0.0015)  -- rounds to 2 ms, as SimTime does
        sim.log("a " .. sim.now())
        sim.wait(2)
        sim.log("b " .. sim.now())
      end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["setup 0.0", "a 0.002", "b 2.002"])
  }

  @Test func waitersGetTheResourceInArrivalOrderWithTheirWaitingTimes() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "desk", capacity = 1 }
      for i = 1, 4 do
        sim.after(i * 0.5, function()
          local t = sim.now()
          r:request()
          sim.log(i .. " served at " .. sim.now() .. " after " .. (sim.now() - t))
          sim.wait(3)
          r:release()
        end)
      end
      """)
    #expect(
      ScenarioHarness.messages(outcome) == [
        "1 served at 0.5 after 0.0", "2 served at 3.5 after 2.5", "3 served at 6.5 after 5.0",
        "4 served at 9.5 after 7.5",
      ])
  }

  @Test func aCancelledWaiterPassesTheUnitOn() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "boat", capacity = 1 }
      sim.process(function() r:request(); sim.wait(5); r:release() end)
      local gone = sim.after(1, function() r:request(); sim.log("never") end)
      sim.after(2, function() r:request(); sim.log("next at " .. sim.now()); r:release() end)
      sim.after(3, function() gone:cancel() end)
      sim.after(6, function() sim.log("in use " .. r:in_use()) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["next at 5.0", "in use 0"])
  }

  @Test func priorityRequestsStillJumpTheQueue() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "pump", capacity = 1 }
      sim.process(function() r:request(); sim.wait(1); r:release() end)
      sim.after(0.1, function() r:request(); sim.log("plain"); r:release() end)
      sim.after(0.2, function() r:request(-1); sim.log("urgent"); r:release() end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["urgent", "plain"])
  }

  @Test func processesStartInCallOrderWithOrWithoutArguments() throws {
    let outcome = try ScenarioHarness.run(
      """
      local function say(what) sim.log(what or "none") end
      sim.process(say, "first")
      sim.process(say)
      sim.process(say, "third")
      local p = sim.process(function() sim.wait(1) end)
      sim.log(math.type(p.pid) .. " " .. tostring(p:alive()))
      """)
    #expect(ScenarioHarness.messages(outcome) == ["integer true", "first", "none", "third"])
  }

  @Test func exponentialDrawsComeFromTheNamedStream() throws {
    let outcome = try ScenarioHarness.run(
      """
      local s = sim.rng("x")
      sim.process(function()
        sim.log(string.format("%.17g %.17g", s:exponential(2), s:exponential(0.5)))
      end)
      """, seed: 7)
    let streams = RandomStreams(seed: 7)
    let x = streams.index(of: "x")
    let first = streams.draw(from: x) { $0.exponential(mean: 2) }
    let second = streams.draw(from: x) { $0.exponential(mean: 0.5) }
    let expected = [first, second].map { String(format: "%.17g", $0) }.joined(separator: " ")
    #expect(ScenarioHarness.messages(outcome) == [expected])
  }

  @Test func badArgumentsStillReportTheGeneralErrors() throws {
    for (call, message) in [
      ("sim.wait(-1)", "bad argument #1 to 'sim.wait'"),
      ("sim.rng('x'):exponential(0)", "exponential: mean must be positive"),
      ("sim.resource { name = 'r', capacity = 1 }:release()", "release of 'r' without a unit"),
      ("sim.process(42)", "bad argument #1 to 'sim.process'"),
    ] {
      let outcome = try ScenarioHarness.run(
        """
        sim.process(function()
          \(call)
        end)
        """)
      #expect(outcome.result.status == .failed)
      let error = outcome.result.error ?? ""
      #expect(error.contains("scenario.lua:2:"), "\(call): \(error)")
      #expect(error.contains(message), "\(call): \(error)")
    }
  }
}
