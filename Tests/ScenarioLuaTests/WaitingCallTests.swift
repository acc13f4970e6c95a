import LuaHost
import ScenarioLua
import Testing

/// Host functions that suspend their process (sim.wait, resource:request,
/// ...): where they may be called, and what a script sees around them.
@Suite struct WaitingCallTests {
  @Test func aWaitInsidePcallResumesInsideIt() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.process(function()
        local ok = pcall(function() sim.wait(2); error("boom") end)
        sim.log(tostring(ok) .. " at " .. sim.now())
      end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["false at 2.0"])
  }

  @Test func aBadWaitNamesTheCallersLine() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.process(function()
        sim.wait(1)
        sim.wait(-1)
      end)
      """)
    #expect(outcome.result.status == .failed)
    let error = outcome.result.error ?? ""
    #expect(error.contains("scenario.lua:3:"), "\(error)")
    #expect(error.contains("bad argument #1 to 'sim.wait'"), "\(error)")
    #expect(error.contains("at sim time 1 s"), "\(error)")
  }

  @Test func aRequestOutsideAProcessFailsOnlyWhenItMustWait() throws {
    #expect(
      throws: (any Error).self,
      performing: {
        try ScenarioHarness.run(
          """
          local r = sim.resource { name = "r", capacity = 1 }
          r:request()
          r:request()
          """)
      })
    do {
      _ = try ScenarioHarness.run(
        """
        local r = sim.resource { name = "r", capacity = 1 }
        r:request()
        r:request()
        """)
    } catch {
      let text = "\(error)"
      #expect(text.contains("scenario.lua:3:"), "\(text)")
      #expect(text.contains("resource:request can only be called inside a process"), "\(text)")
    }
  }

  @Test func resourceMethodsRefuseOtherTables() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "r", capacity = 1 }
      sim.process(function() r.request({}) end)
      """)
    #expect(outcome.result.status == .failed)
    #expect(
      outcome.result.error?.contains("calling 'request' on something that is not a sim.resource")
        == true)
  }

  @Test func handlesCarryTheirProcessId() throws {
    let outcome = try ScenarioHarness.run(
      """
      local p = sim.process(function() sim.wait(1) end)
      local q = sim.after(2, function() end)
      sim.process(function()
        sim.log(math.type(p.pid) .. " " .. tostring(p:alive()) .. " " .. tostring(p.pid ~= q.pid))
        p:join()
        sim.log(tostring(p:alive()) .. " at " .. sim.now())
      end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["integer true true", "false at 1.0"])
  }

  @Test func handlesAreValuesWhoseMethodsScriptsCannotReach() throws {
    let outcome = try ScenarioHarness.run(
      """
      local p = sim.process(function() end)
      local same = sim.process(function() end)
      sim.log(tostring(getmetatable(p)) .. " " .. type(p.cancel) .. " " .. tostring(p.__index))
      sim.log(tostring(p == p) .. " " .. tostring(p == same))
      local ok, err = pcall(function() p.pid = 7 end)
      sim.log(tostring(ok) .. " " .. tostring(err):match("attempt to index a userdata value"))
      """)
    #expect(
      ScenarioHarness.messages(outcome) == [
        "false function nil", "true false", "false attempt to index a userdata value",
      ])
  }

  @Test func aBudgetKillInAWaitingLoopCannotBeSwallowed() throws {
    let outcome = try ScenarioHarness.run(
      """
      sim.process(function()
        while true do pcall(sim.wait, 0) end
      end)
      """, limits: LuaLimits(instructions: 200_000, memoryBytes: 64 << 20))
    #expect(outcome.result.status == .limit)
  }
}
