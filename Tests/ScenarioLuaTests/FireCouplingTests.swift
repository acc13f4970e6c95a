import Foundation
import Hazards
import Scenario
import Testing

/// The fire's effect on the map at the arrival times of its cells: roads
/// closed and reopened, zones burning; and shelters threatened ahead of it.
@Suite struct FireCouplingTests {
  /// 121 x 121 cells of 5 m of short grass (fuel model 1); centre (302.5, 302.5).
  static let fuel = HazardHarness.grid(columns: 121, rows: 121, cellSize: 5) { _, _ in 1 }

  /// The fixture run with `thresholds` (a `sim.fire.thresholds` table) and
  /// `extra` Lua after the ignition.
  static func run(
    thresholds: String = "{ road_closure = 600, shelter_radius = 100, shelter_lead = 0 }",
    extra: String = ""
  ) throws -> (ScenarioHarness.Outcome, rate: Double) {
    let model = try #require(FuelModel.standard(number: 1))
    let moisture = FuelMoisture(
      dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.6, liveWoody: 0.9)
    let rate = SurfaceFire(model: model, moisture: moisture).headSpreadRate / 60  // m/s
    let duration = 10 + 300 / rate + 700
    let outcome = try HazardHarness.run(
      """
      scenario { name = "grass", fuel = "fuel.asc", duration = \(duration), map = {
        nodes = { { id = "s", x = 402.5, y = 202.5 }, { id = "n", x = 402.5, y = 402.5 },
                  { id = "v", x = 302.5, y = 452.5 }, { id = "h", x = 552.5, y = 302.5 } },
        links = { { id = "road", from = "s", to = "n", mode = "road", speed = 10 } },
        zones = { { id = "village", node = "v", population = 5 } },
        facilities = { { id = "hall", kind = "shelter", node = "h", capacity = 50 } } } }
      sim.fire.thresholds \(thresholds)
      sim.after(10, function() sim.fire.ignite { x = 302.5, y = 302.5 } end)
      \(extra)
      for _, kind in ipairs({ "fire.link_closed", "zone.burning", "shelter.threatened" }) do
        sim.on(kind, function(e)
          sim.metric(kind .. "_s", sim.now())
          sim.metric(kind .. "_arrival", e.arrival)
          if kind == "fire.link_closed" then
            sim.metric("closed_then", sim.map.is_closed("road") and 1 or 0)
          end
        end)
      end
      sim.at(\(duration), function()
        local first, last = math.huge, 0
        for y = 202.5, 402.5, 5 do
          local t = sim.fire.arrival_at(402.5, y)
          first, last = math.min(first, t), math.max(last, t)
        end
        sim.metric("road_first", first)
        sim.metric("road_last", last)
        sim.metric("village_arrival", sim.fire.arrival_at(302.5, 452.5))
        local near = math.huge
        for x = 452.5, 652.5, 5 do
          for y = 202.5, 402.5, 5 do
            local d = math.sqrt((x - 552.5) ^ 2 + (y - 302.5) ^ 2)
            local t = sim.fire.arrival_at(x, y)
            if d <= 100 and t then near = math.min(near, t) end
          end
        end
        sim.metric("shelter_arrival", near)
        sim.metric("open_at_end", sim.map.is_closed("road") and 0 or 1)
        if sim.shelter then sim.metric("hall_closed", sim.shelter.status("hall").closed and 1 or 0) end
      end)
      """, files: ["fuel.asc": Self.fuel])
    return (outcome, rate)
  }

  /// The first millisecond at or after `t`.
  static func wake(_ t: Double) -> Double { (t * 1000).rounded(.up) / 1000 }

  @Test func eventsFireAtTheArrivalTimesOfTheirCells() throws {
    let (outcome, rate) = try Self.run()
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    // The road is 100 m east of the ignition: the fire gets there after
    // about 100 m / R, and the road closes at that arrival.
    let first = try #require(m["road_first"])
    #expect(abs(first - 10 - 100 / rate) < 0.02 * 100 / rate)
    #expect(m["fire.link_closed_arrival"] == first)
    #expect(m["fire.link_closed_s"] == Self.wake(first))
    #expect(m["closed_then"] == 1)
    #expect(m["zone.burning_s"] == Self.wake(try #require(m["village_arrival"])))
    #expect(m["shelter.threatened_s"] == Self.wake(try #require(m["shelter_arrival"])))
    // Reopened 600 s after the road's last cell burned.
    let last = try #require(m["road_last"])
    let reopened = try #require(outcome.events.first { $0.kind == "link.reopened" })
    #expect(abs(reopened.time.seconds - (last + 600)) <= 0.001)
    #expect(m["open_at_end"] == 1)
    #expect(outcome.kinds.filter { $0 == "fire.link_closed" }.count == 1)
  }

  @Test func sheltersAreThreatenedHalfAnHourBeforeTheFireComesWithin100m() throws {
    // Defaults: 100 m, 30 min. The hall is 250 m east of the ignition on
    // uniform grass with no wind or slope, so the fire is a circle: the
    // nearest cell within 100 m of the hall is the one 150 m due east of
    // the ignition, which the fire reaches along the row at 10 + 150 / R.
    // The threat comes 1800 s before that, and the hall closes then.
    let (outcome, rate) = try Self.run(
      thresholds: "{ road_closure = 600 }", extra: "sim.shelter.status('hall')")
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    let arrival = 10 + 150 / rate
    let predicted = try #require(m["shelter.threatened_arrival"])
    #expect(abs(predicted - arrival) < 1e-6 * arrival)
    #expect(m["shelter_arrival"] == predicted)
    #expect(m["shelter.threatened_s"] == Self.wake(predicted - 1800))
    #expect(m["hall_closed"] == 1)
    let closed = try #require(outcome.events.first { $0.kind == "shelter.closed" })
    #expect(closed.time.seconds == Self.wake(predicted - 1800))
    #expect(outcome.kinds.filter { $0 == "shelter.threatened" }.count == 1)
  }

  @Test func aLaterIgnitionBringsTheThreatForward() throws {
    // A second fire at 100 s, 50 m from the hall: inside the radius, so the
    // hall is threatened at once, with the new fire's cell as the arrival.
    let (outcome, _) = try Self.run(
      thresholds: "{ road_closure = 600, close_shelters = false }",
      extra: "sim.shelter.status('hall'); "
        + "sim.after(100, function() sim.fire.ignite { x = 502.5, y = 302.5 } end)")
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    #expect(m["shelter.threatened_s"] == 100)
    #expect(m["shelter.threatened_arrival"] == 100)
    #expect(m["hall_closed"] == 0)
  }

  @Test func thresholdsComeBeforeTheFirstIgnition() throws {
    let outcome = try HazardHarness.run(
      """
      scenario { name = "late", fuel = "fuel.asc", duration = 60 }
      sim.fire.ignite { x = 302.5, y = 302.5 }
      sim.process(function() sim.fire.thresholds { road_closure = 60 } end)
      """, files: ["fuel.asc": Self.fuel])
    #expect(
      outcome.result.error?.contains("set the thresholds before the first sim.fire.ignite")
        == true, "\(outcome.result.error ?? "")")
  }
}
