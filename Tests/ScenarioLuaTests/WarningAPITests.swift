import Foundation
import Scenario
import ScenarioLua
import Testing

/// `sim.warn`, `sim.warning.*` and their coupling to outages and orders,
/// checked against hand calculations.
@Suite struct WarningAPITests {
  /// A valley village on a path to its hall.
  ///
  /// a -(100 m path, 10 p/s)- b (hall). Valley at a: 3 singles in grid g1,
  /// walking 1 m/s, all standing on the zone's point.
  static let valley = """
    scenario { name = "valley", map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 10 } },
      zones = { { id = "valley", node = "a", population = 3, households = 3, walk_speed = 1.0,
                  grid = "g1" } },
      grids = { { id = "g1", zone = "valley" } },
      facilities = { { id = "hall", kind = "shelter", node = "b", capacity = 100 } },
    } }
    sim.on("warning.escalated", function(e)
      sim.log(e.grid .. " escalated " .. e.step .. " at " .. sim.now())
    end)
    sim.on("warning.door_finished", function(e)
      sim.log(e.grid .. " door finished at " .. sim.now())
    end)
    sim.warning.call_and_answer { deadline = 600 }
    sim.warning.channel("door", { delay = 120, time_per_door = 30 })
    """

  /// Cuts silence SMS and broadcast and send grid staff to the doors.
  ///
  /// With power and network cut, SMS and broadcast reach nobody and the
  /// responsible person's phone never rings: at the 600 s deadline the
  /// grid escalates straight to door to door (a re-call cannot get
  /// through either). Staff set off 120 s later (720 s) and spend 30 s at
  /// each door, all at the zone's point: the singles are told at 750, 780
  /// and 810 s, leave 60 s later and walk 100 s: safe at 910, 940 and
  /// 970 s after the order at 0 (T50 = 940: 2 of 3).
  @Test func aCutSilencesSMSAndBroadcastAndEscalatesToTheDoor() throws {
    let outcome = try ScenarioHarness.run(
      Self.valley + """

        sim.outage.cut { kind = "network", zones = { "valley" } }
        sim.outage.cut { kind = "power", zones = { "valley" } }
        sim.warn { zones = "all", channels = { "sms", "broadcast" }, message = "leave now" }
        sim.evacuate { zones = "all", mode = "walk", premovement = 60 }
        """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    #expect(m["warning.g1.sms.reached"] == 0)
    #expect(m["warning.g1.broadcast.reached"] == 0)
    #expect(m["warning.g1.door.reached"] == 3)
    #expect(m["warning.g1.escalations"] == 1)
    #expect(m["warning.g1.ack_s"] == nil)
    #expect(m["warning.grids_acknowledged"] == 0)
    #expect(m["warning.unreached"] == 0)
    #expect(m["evacuation.t50_s"] == 940)
    #expect(m["evacuation.t100_s"] == 970)
    #expect(
      ScenarioHarness.messages(outcome) == [
        "g1 escalated door at 600.0", "g1 door finished at 810.0",
      ])
    #expect(outcome.kinds.filter { $0 == "warning.warned" }.count == 1)
  }

  /// Without any warning the order itself
  /// sends them at once: 60 s, then 100 s on the path, which lets one
  /// single out every 0.1 s (10 p/s): T100 = 160.2 s.
  @Test func anOrderWithoutWarningIsHeardAtOnce() throws {
    let outcome = try ScenarioHarness.run(
      Self.valley + """

        sim.evacuate { zones = "all", mode = "walk", premovement = 60 }
        """)
    #expect(outcome.metrics["evacuation.t100_s"] == 160.2)
    #expect(outcome.metrics["warning.households"] == nil)
  }

  /// With a compliance of 0 every household stays and is counted; the
  /// roster's options cannot change once it is drawn.
  @Test func noComplianceMeansEveryoneRefuses() throws {
    let outcome = try ScenarioHarness.run(
      Self.valley.replacingOccurrences(
        of: "sim.warning.call_and_answer",
        with: "sim.population { compliance = 0 }\n"
          + "sim.warning.call_and_answer")
          + """

          sim.evacuate { zones = "all", mode = "walk", premovement = 60 }
          sim.process(function() sim.population { compliance = 1 } end)
          """)
    #expect(outcome.metrics["evacuation.refused"] == 3)
    #expect(
      outcome.metrics["evacuation.persons"] == nil || outcome.metrics["evacuation.persons"] == 0)
    #expect(outcome.result.error?.contains("already drawn") == true)
  }

  /// Channels and 叫应 are fixed at the first warning.
  @Test(arguments: [
    (
      "sim.warn { zones = 'all', channels = { 'sms' } } sim.warning.channel('sms', { delay = 5 })",
      "before the first sim.warn"
    ),
    ("sim.warn { zones = 'all', channels = { 'pigeon' } }", "unknown channel 'pigeon'"),
    ("sim.warn { zones = 'all', channels = { 'sms', 'sms' } }", "listed twice"),
    ("sim.warning.channel('gong', { reach = { aliens = 1 } })", "unknown group 'aliens'"),
  ])
  func badWarningsNameTheProblem(script: String, message: String) throws {
    let outcome = try ScenarioHarness.run(
      Self.valley + "\nsim.process(function() " + script + " end)")
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }
}
