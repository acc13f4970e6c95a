import Testing

/// Named streams: reproducible, independent, and common to plan variants.
@Suite struct RandomnessTests {
  static let draws = """
    local plan = sim.param("plan", { default = 1 })
    local s = sim.rng("warning")
    for i = 1, 3 do sim.metric("draw" .. i, s:uniform(0, 1)) end
    sim.metric("other", sim.rng("other"):uniform(0, 1))
    sim.metric("math", math.random())
    """

  @Test func sameSeedSameDraws() throws {
    let a = try ScenarioHarness.run(Self.draws, seed: 42).metrics
    let b = try ScenarioHarness.run(Self.draws, seed: 42).metrics
    #expect(a == b)
    let c = try ScenarioHarness.run(Self.draws, seed: 43).metrics
    #expect(a["draw1"] != c["draw1"])
  }

  @Test func streamsAreIndependentOfEachOther() throws {
    let m = try ScenarioHarness.run(Self.draws, seed: 1).metrics
    #expect(m["draw1"] != m["other"])
  }

  @Test func parametersDoNotChangeTheDraws() throws {
    // Common random numbers: a plan variant sees the same stream values.
    let base = try ScenarioHarness.run(Self.draws, seed: 9).metrics
    let variant = try ScenarioHarness.run(Self.draws, seed: 9, params: [("plan", "2")]).metrics
    #expect(base["draw1"] == variant["draw1"])
    #expect(base["math"] == variant["math"])
  }

  @Test func distributionsHaveTheirMeans() throws {
    let m = try ScenarioHarness.run(
      """
      local s = sim.rng("d")
      local n = 20000
      local function mean(f) local t = 0; for _ = 1, n do t = t + f() end; return t / n end
      sim.metric("exp", mean(function() return s:exponential(5) end))
      sim.metric("norm", mean(function() return s:normal(3, 2) end))
      sim.metric("lnorm", mean(function() return s:lognormal(0, 0.5) end))
      sim.metric("gamma", mean(function() return s:gamma(2, 3) end))
      sim.metric("weib", mean(function() return s:weibull(2, 1) end))
      sim.metric("int", mean(function() return s:integer(1, 6) end))
      sim.metric("pick", mean(function() return s:choice({ 10, 20 }) end))
      """
    ).metrics
    #expect(abs((m["exp"] ?? 0) - 5) < 0.2)
    #expect(abs((m["norm"] ?? 0) - 3) < 0.05)
    #expect(abs((m["lnorm"] ?? 0) - 1.1331) < 0.02)
    #expect(abs((m["gamma"] ?? 0) - 6) < 0.15)
    #expect(abs((m["weib"] ?? 0) - 2) < 0.06)
    #expect(abs((m["int"] ?? 0) - 3.5) < 0.05)
    #expect(abs((m["pick"] ?? 0) - 15) < 0.2)
  }
}
