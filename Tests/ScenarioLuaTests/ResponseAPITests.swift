import Scenario
import Testing

/// `sim.incident`, `sim.dispatch`, `sim.on("incident")`, `sim.teams`,
/// reinforcements and reports on an inline township.
@Suite struct ResponseAPITests {
  /// s --100 s-- a --200 s-- b by road at 10 m/s; a fire station at s and
  /// one at b (default fire rescue teams, turnout 60 s).
  static let township = """
    scenario { name = "response", duration = hours(2), map = {
      nodes = { { id = "s", x = 0, y = 0 }, { id = "a", x = 1000, y = 0 },
                { id = "b", x = 3000, y = 0 } },
      links = { { id = "sa", from = "s", to = "a", mode = "road", speed = 10 },
                { id = "ab", from = "a", to = "b", mode = "road", speed = 10 } },
      facilities = { { id = "st1", kind = "station", node = "s" },
                     { id = "st2", kind = "station", node = "b" } },
    } }

    """

  func dispatched(_ outcome: ScenarioHarness.Outcome) -> [String] {
    outcome.events.filter { $0.kind == "team.dispatched" }.compactMap { entry in
      guard case .string(let team)? = entry.fields.first(where: { $0.key == "team" })?.value
      else { return nil }
      return team
    }
  }

  @Test("the default policy sends the nearest station's team")
  func defaultPolicy() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.incident { id = "fire1", kind = "structure_fire", at = "a", work = 600 }
        """)
    #expect(outcome.result.status == .complete)
    #expect(dispatched(outcome) == ["st1"])
    // 60 s turnout + 100 s on the road.
    #expect(outcome.metrics["response.mean_s"] == 160)
    #expect(outcome.metrics["response.served"] == 1)
    #expect(outcome.metrics["teams.count"] == 2)
  }

  @Test("a Lua dispatch override changes who goes")
  func overrideChangesWhoGoes() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.on("incident", function(incident)
          local nearest = sim.teams.nearest(incident)
          sim.log("nearest " .. nearest)
          sim.dispatch("st2", incident)
        end)
        sim.incident { id = "fire1", kind = "structure_fire", at = "a", work = 600 }
        """)
    #expect(outcome.result.status == .complete)
    #expect(ScenarioHarness.messages(outcome) == ["nearest st1"])
    #expect(dispatched(outcome) == ["st2"])
    // 60 s turnout + 200 s from b.
    #expect(outcome.metrics["response.mean_s"] == 260)
  }

  @Test("an error in the override names the handler's file and line and the sim time")
  func overrideErrorIsLocated() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.on("incident", function(incident)
          sim.wait(5)
          sim.dispatch("nobody", incident)
        end)
        sim.incident { id = "fire1", kind = "structure_fire", at = "a" }
        """)
    #expect(outcome.result.status == .failed)
    let error = try #require(outcome.result.error)
    // The township text takes 8 lines; the dispatch is line 11.
    #expect(error.contains("scenario.lua:11:"))
    #expect(error.contains("no team 'nobody'"))
    #expect(error.contains("at sim time 5 s"))
    #expect(error.contains("stack traceback"))
  }

  /// The script sends only st2, and serves its queue when st2 is free.
  ///
  /// fire1: 60 + 200 s -> arrives 260, done
  /// 320. fire2 waits in the queue; at 320 st2 is free at a and goes on
  /// without turnout: arrives 320 + 100 = 420 at s, 390 s after its alarm
  /// at 30 s.
  @Test("under the override, team_available lets the script serve the queue")
  func overrideServesTheQueue() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.on("incident", function(incident)
          if sim.teams.get("st2").available then sim.dispatch("st2", incident) end
        end)
        sim.on("team_available", function(e)
          local queued = sim.teams.queue()
          if e.team == "st2" and #queued > 0 then sim.dispatch("st2", queued[1]) end
        end)
        sim.incident { id = "fire1", kind = "structure_fire", at = "a", work = 60 }
        sim.after(30, function()
          sim.incident { id = "fire2", kind = "structure_fire", at = "s", work = 60 }
        end)
        """)
    #expect(outcome.result.status == .complete)
    #expect(dispatched(outcome) == ["st2", "st2"])
    #expect(outcome.metrics["response.mean_s"] == (260.0 + 390.0) / 2)
  }

  @Test("declared teams, reinforcements and the queue")
  func teamsAndReinforcements() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.team { id = "st1", kind = "medical", station = "s", call_out = 0 }
        sim.team { id = "st2", kind = "medical", station = "b", call_out = 0 }
        sim.incident { id = "trapped", kind = "trapped", at = "a", work = 60 }
        sim.log(table.concat(sim.teams.queue(), ","))
        sim.request_reinforcement { id = "county-boat", kind = "water_rescue", at = "s",
                                    delay = minutes(30) }
        sim.command_post()
        """)
    #expect(outcome.result.status == .complete)
    #expect(ScenarioHarness.messages(outcome) == ["trapped"])
    // Queued from 0 to 1800 s of the 2 h run.
    #expect(outcome.metrics["response.backlog"] == 0)
    #expect(outcome.metrics["response.backlog_mean"] == 1800.0 / 7200.0)
    #expect(dispatched(outcome) == ["county-boat"])
    // Alarm at 0; the boat joins at s at 1800 s and drives 100 s (no turnout).
    #expect(outcome.metrics["response.mean_s"] == 1900)
    #expect(outcome.metrics["response.reinforcements"] == 1)
    #expect(outcome.metrics["response.command_post_s"] == 0)
  }

  /// The header starts at 02:00; the militia is on duty 08:00-20:00, so
  /// it turns out after its off-duty delay (1800 s) and drives 100 s.
  @Test("duty shifts follow the header's start time")
  func shiftsFollowTheClock() throws {
    let source = Self.township.replacingOccurrences(
      of: "duration = hours(2),",
      with: "duration = hours(2), start = \"2026-07-21T02:00:00+08:00\",")
    let outcome = try ScenarioHarness.run(
      source + """
        sim.team { id = "st1", kind = "militia", station = "s", call_out = 60,
                   off_duty_call_out = 1800, shifts = { { from = hours(8), to = hours(20) } } }
        sim.team { id = "st2", kind = "medical", station = "b" }
        sim.incident { id = "help", kind = "assistance", at = "a", work = 60 }
        """)
    #expect(outcome.result.status == .complete)
    #expect(dispatched(outcome) == ["st1"])
    #expect(outcome.metrics["response.mean_s"] == 1900)
  }

  /// Opened at 0 with default rules, run ends at 2 h: township first due
  /// 20 min, sent at 25 (late); village first due 10 min and township
  /// follow-up due 60 min, never sent (missing); county first and the
  /// second follow-up due at 2 h = the end (pending).
  @Test("reports are rated against their deadlines")
  func reports() throws {
    let outcome = try ScenarioHarness.run(
      Self.township + """
        sim.reports.open("breach")
        sim.after(minutes(25), function()
          local on_time, due = sim.report { event = "breach", level = "township", stage = "first" }
          sim.log(tostring(on_time) .. " " .. due)
        end)
        """)
    #expect(ScenarioHarness.messages(outcome) == ["false 1200.0"])
    #expect(outcome.metrics["reports.late"] == 1)
    #expect(outcome.metrics["reports.missing"] == 2)
    #expect(outcome.metrics["reports.pending"] == 2)
  }
}
