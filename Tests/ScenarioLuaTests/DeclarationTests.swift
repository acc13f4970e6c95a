import Scenario
import ScenarioLua
import Testing

/// scenario{}, sim.param and sim.objective: what they accept and refuse.
@Suite struct DeclarationTests {
  @Test func parameterDefaultAndOverride() throws {
    let source = """
      local n = sim.param("teams", { default = 3, min = 1, max = 10, doc = "rescue teams" })
      sim.metric("teams", n)
      """
    #expect(try ScenarioHarness.run(source).metrics["teams"] == 3)
    let overridden = try ScenarioHarness.run(source, params: [("teams", "7")])
    #expect(overridden.metrics["teams"] == 7)
    #expect(overridden.result.params.map(\.name) == ["teams"])
  }

  @Test(arguments: [("teams", "11"), ("teams", "lots"), ("crews", "2")])
  func badParameterIsInvalidInput(name: String, value: String) throws {
    let source = "sim.param('teams', { default = 3, min = 1, max = 10 })"
    #expect(throws: ScenarioError.self) { try ScenarioHarness.run(source, params: [(name, value)]) }
  }

  @Test func unknownScenarioFieldNamesTheFieldAndLine() throws {
    do {
      _ = try ScenarioHarness.run("\n\nscenario { name = 'x', duraton = 5 }")
      Issue.record("expected an error")
    } catch let error as ScenarioError {
      #expect(error.description.contains("scenario.lua:3:"))
      #expect(error.description.contains("unknown scenario field 'duraton'"))
    }
  }

  @Test func missingMapFileNamesTheField() throws {
    do {
      _ = try ScenarioHarness.run("scenario { name = 'x', map = 'maps/nowhere.geojson' }")
      Issue.record("expected an error")
    } catch let error as ScenarioError {
      #expect(error.description.contains("scenario field 'map'"))
      #expect(error.description.contains("maps/nowhere.geojson"))
    }
  }

  @Test func objectivesAreRatedAtTheirDeadlineAndAtTheEnd() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "o", duration = 100 }
      local sheltered = 0
      sim.after(30, function() sheltered = 80 end)
      sim.after(60, function() sheltered = 100 end)
      sim.objective { name = "early", target = "all by 45 s", by = 45,
        check = function() return sheltered == 100, sheltered end }
      sim.objective { name = "final", target = "all by the end",
        check = function() return sheltered == 100, sheltered, "P" end }
      """)
    let objectives = outcome.result.objectives
    #expect(objectives.map(\.name) == ["early", "final"])
    #expect(objectives.map(\.pass) == [false, true])
    #expect(objectives.map(\.rating) == ["U", "P"])
    #expect(objectives.map(\.value) == [80, 100])
  }

  @Test func objectiveCheckReturningNonsenseFailsTheRun() throws {
    let outcome = try ScenarioHarness.run(
      "sim.objective { name = 'x', check = function() return 'yes' end }")
    #expect(outcome.result.status == .failed)
  }
}
