import Testing

/// sim.resource, sim.container and sim.store through the Lua API.
@Suite struct ResourceTests {
  @Test func resourceServesByPriorityThenArrival() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "crew", capacity = 1 }
      sim.process(function() r:request(); sim.wait(10); r:release() end)
      for i, p in ipairs({ 5, 1, 5, 1 }) do
        sim.after(i, function() r:request(p); sim.log(i .. "/" .. p); sim.wait(1); r:release() end)
      end
      """)
    #expect(ScenarioHarness.messages(outcome) == ["2/1", "4/1", "1/5", "3/5"])
    #expect(outcome.metrics["resource.crew.requests"] == 5)
    #expect(outcome.metrics["resource.crew.queue_max"] == 4)
  }

  @Test func containerGetWaitsForStock() throws {
    let outcome = try ScenarioHarness.run(
      """
      local water = sim.container { name = "water", capacity = 100, level = 10 }
      sim.process(function() water:get(30); sim.log("got 30 at " .. sim.now()) end)
      sim.after(5, function() water:put(25) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["got 30 at 5.0"])
    #expect(outcome.metrics["container.water.level_end"] == 5)
  }

  @Test func storeFilterTakesTheMatchingItem() throws {
    let outcome = try ScenarioHarness.run(
      """
      local beds = sim.store { name = "beds", capacity = 10 }
      sim.process(function()
        local item = beds:get(function(x) return x.kind == "medical" end)
        sim.log("got " .. item.id .. " at " .. sim.now())
      end)
      sim.after(1, function() beds:put({ id = "a", kind = "plain" }) end)
      sim.after(2, function() beds:put({ id = "b", kind = "medical" }) end)
      """)
    #expect(ScenarioHarness.messages(outcome) == ["got b at 2.0"])
  }

  @Test func releaseWithoutAUnitIsAnError() throws {
    let outcome = try ScenarioHarness.run(
      """
      local r = sim.resource { name = "r", capacity = 2 }
      sim.process(function() r:release() end)
      """)
    #expect(outcome.result.status == .failed)
    #expect(outcome.result.error?.contains("release of 'r' without a unit in use") == true)
  }
}
