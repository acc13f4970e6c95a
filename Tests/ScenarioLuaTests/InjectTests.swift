import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.inject`: timed and conditional firing, MSEL numbering, whether the
/// expected action followed, and refused declarations.
@Suite struct InjectTests {
  static func fired(_ outcome: ScenarioHarness.Outcome) -> [(t: Double, number: Int64)] {
    outcome.events.filter { $0.kind == "inject" }.map { entry in
      guard case .integer(let n)? = entry.fields.first(where: { $0.key == "number" })?.value else {
        return (entry.time.seconds, -1)
      }
      return (entry.time.seconds, n)
    }
  }

  /// Numbers follow the MSEL: timed by time, then conditional in
  /// declaration order, whatever the declaration order of the timed ones.
  @Test func timedInjectsFireAtTheirTimeNumberedByTime() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "i", duration = 1000 }
      sim.inject { at = 300, to = "duty office", text = "second" }
      sim.inject { when = "never", to = "duty office", text = "conditional" }
      sim.inject { at = 60, to = "duty office", text = "first" }
      """)
    #expect(outcome.result.error == nil)
    let fired = Self.fired(outcome)
    #expect(fired.map(\.t) == [60, 300])
    #expect(fired.map(\.number) == [1, 2])
    let m = outcome.metrics
    #expect(m["inject.1.fired_s"] == 60)
    #expect(m["inject.2.fired_s"] == 300)
    #expect(m["inject.3.fired"] == 0)
    #expect(m["inject.3.fired_s"] == nil)
    #expect(m["inject.1.followed"] == nil)
  }

  /// A `when` function is polled every `poll` seconds from 0.
  ///
  /// Polls come after everything else at their instant: the flag set at
  /// 130 s is seen at 180 s with the default 60 s, at 130 s with 10 s.
  @Test(arguments: [("", 180.0), (", poll = 10", 130.0)])
  func conditionalInjectsFireAtTheFirstPollThatSeesTheCondition(poll: String, at: Double) throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "i", duration = 1000 }
      local high = false
      sim.after(130, function() high = true end)
      sim.inject { when = function() return high end, trigger = "gauge above warning level",
                   to = "township", text = "the river is above the warning level"\(poll) }
      """)
    #expect(Self.fired(outcome).map(\.t) == [at])
    #expect(outcome.metrics["inject.1.fired_s"] == at)
  }

  @Test func anEventNameFiresAtItsFirstOccurrence() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "i", duration = 1000 }
      sim.after(200, function() sim.emit("levee.seepage", {}) end)
      sim.after(400, function() sim.emit("levee.seepage", {}) end)
      sim.inject { when = "levee.seepage", to = "militia", text = "seepage at the levee" }
      """)
    #expect(Self.fired(outcome).map(\.t) == [200])
    let entry = try #require(outcome.events.first { $0.kind == "inject" })
    #expect(
      entry.fields.contains { $0.key == "trigger" && $0.value == .string("event levee.seepage") })
  }

  /// The players answer an inject 100 s after it fires (a `sim.on`
  /// handler): checked 150 s after firing the action followed, checked
  /// after 50 s it had not; without `within` it is checked at the end.
  @Test(arguments: [("within = 150,", 1.0), ("within = 50,", 0.0), ("", 1.0)])
  func theExpectedActionIsCheckedWithinItsWindow(within: String, followed: Double) throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "i", duration = 1000 }
      local ordered = false
      sim.on("inject", function(i)
        if i.id == "order" then sim.wait(100); ordered = true end
      end)
      sim.inject { id = "order", at = 60, to = "township", text = "order the transfer", \(within)
                   expected_action = "transfer order issued", expect = function() return ordered end }
      """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(outcome.metrics["inject.1.followed"] == followed)
    #expect(outcome.kinds.filter { $0 == "inject.checked" }.count == 1)
  }

  @Test func declaringAnInjectDuringTheRunFailsIt() throws {
    let outcome = try ScenarioHarness.run(
      """
      scenario { name = "i", duration = 100 }
      sim.after(10, function() sim.inject { at = 20, to = "x", text = "late" } end)
      """)
    #expect(outcome.result.status == .failed)
    #expect(outcome.result.error?.contains("top level") == true)
  }

  @Test func aPolledConditionNeedsADuration() throws {
    #expect(throws: ScenarioError.self) {
      try ScenarioHarness.run(
        "sim.inject { when = function() return false end, trigger = 't', to = 'x', text = 'y' }")
    }
  }

  @Test(arguments: [
    ("to = 'x', text = 'y'", "'at' (seconds) or 'when'"),
    ("at = 5, to = 'x'", "field 'text'"),
    ("at = 5, text = 'y'", "field 'to'"),
    ("at = 5, when = 'e', to = 'x', text = 'y'", "not both"),
    ("at = -5, to = 'x', text = 'y'", "'at' must be"),
    ("when = function() return true end, to = 'x', text = 'y'", "needs 'trigger'"),
    ("at = 5, to = 'x', text = 'y', within = 60", "'expect'"),
    ("at = 5, to = 'x', text = 'y', expect = true", "'expect' must be a function"),
    ("at = 5, to = 'x', text = 'y', poll = 10", "'poll'"),
    ("at = 5, to = 'x', text = 'y', recipient = 'z'", "unknown field 'recipient'"),
  ])
  func badFieldsAreInvalidInputAtTheirLine(fields: String, message: String) throws {
    do {
      _ = try ScenarioHarness.run(
        "scenario { name = 'i', duration = 100 }\n\nsim.inject { \(fields) }")
      Issue.record("expected an error")
    } catch let error as ScenarioError {
      #expect(error.description.contains("scenario.lua:3:"), "\(error)")
      #expect(error.description.contains(message), "\(error)")
    }
  }
}
