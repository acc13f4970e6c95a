import Foundation
import Hazards
import Scenario
import Testing

/// `sim.fire`: spread on the header's fuel raster, read back through Lua.
@Suite struct FireAPITests {
  static let moisture = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.6, liveWoody: 0.9)

  /// 121 x 121 cells of 5 m, all fuel model `number`; centre (302.5, 302.5).
  static func fuel(_ number: Int) -> String {
    HazardHarness.grid(columns: 121, rows: 121, cellSize: 5) { _, _ in Double(number) }
  }

  @Test func noWindBurnsACircleOfTheRothermelRadius() throws {
    let model = try #require(FuelModel.standard(number: 1))
    let rate = SurfaceFire(model: model, moisture: Self.moisture).headSpreadRate / 60  // m/s
    let t1 = 150 / rate
    let t2 = 250 / rate
    let outcome = try HazardHarness.run(
      """
      scenario { name = "grass", fuel = "fuel.asc", duration = \(t2) }
      sim.fire.moisture { d1 = 0.06, d10 = 0.07, d100 = 0.08, herb = 0.6, wood = 0.9 }
      sim.fire.wind { speed = 0, from = 270 }
      sim.after(10, function() sim.fire.ignite { x = 302.5, y = 302.5 } end)
      sim.at(10 + \(t1), function()
        sim.metric("t1", sim.now() - 10)
        sim.metric("area1", sim.fire.burned_area())
        sim.metric("arrival_east", sim.fire.arrival_at(402.5, 302.5) - 10)
        sim.metric("not_yet", sim.fire.arrival_at(552.5, 302.5) == nil and 1 or 0)
      end)
      """, files: ["fuel.asc": Self.fuel(1)])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    let t = try #require(m["t1"])
    let r1 = rate * t
    let area1 = try #require(m["area1"])
    #expect(abs(area1 / (.pi * r1 * r1) - 1) < 0.05, "area \(area1) vs \(Double.pi * r1 * r1)")
    let r2 = rate * (t2 - 10)
    let end = try #require(m["fire.burned_area_m2"])
    #expect(abs(end / (.pi * r2 * r2) - 1) < 0.05, "end area \(end) vs \(Double.pi * r2 * r2)")
    // 100 m east of the ignition: never early, at most 2 % late.
    let arrival = try #require(m["arrival_east"])
    #expect(arrival >= 100 / rate * 0.999 && arrival <= 100 / rate * 1.02, "\(arrival)")
    #expect(m["not_yet"] == 1)
    #expect(outcome.kinds.filter { $0 == "fire.ignited" }.count == 1)
  }

  @Test func noFuelCellsHoldTheFire() throws {
    // A non-burnable band (NB1 = 91) across x in [200, 220): the east side never burns.
    let fuel = HazardHarness.grid(columns: 121, rows: 121, cellSize: 5) { x, _ in
      x > 200 && x < 220 ? 91 : 1
    }
    let outcome = try HazardHarness.run(
      """
      scenario { name = "break", fuel = "fuel.asc", duration = hours(10) }
      sim.fire.ignite { x = 100, y = 300 }
      sim.at(hours(10), function()
        sim.metric("west", sim.fire.arrival_at(150, 300) and 1 or 0)
        sim.metric("east", sim.fire.arrival_at(300, 300) and 1 or 0)
      end)
      """, files: ["fuel.asc": fuel])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    #expect(outcome.metrics["west"] == 1)
    #expect(outcome.metrics["east"] == 0)
  }

  @Test(arguments: [
    (
      "sim.fire.ignite { x = 1, y = 1 }",
      "this scenario has no fuel: name one with scenario{ fuel = ... }", false
    ),
    (
      "sim.fire.ignite { x = 9000, y = 1 }",
      "bad argument #1 to 'sim.fire.ignite' (point (9000.0, 1.0) is outside the fuel raster)", true
    ),
    (
      "sim.fire.wind { speed = -1 }",
      "bad argument #1 to 'sim.fire.wind' (field 'speed' must be >= 0", true
    ),
    ("sim.fire.moisture { d1 = 0.06, d1000 = 0.1 }", "unknown field 'd1000'", true),
    (
      "sim.fire.ignite { x = 302.5, y = 302.5 }; sim.fire.wind { speed = 3 }",
      "sim.fire.wind: the fire is already burning", true
    ),
  ])
  func badCallsSayWhy(call: String, message: String, withFuel: Bool) throws {
    let header = withFuel ? "scenario { name = 'x', fuel = 'fuel.asc' }" : "scenario { name = 'x' }"
    let outcome = try HazardHarness.run(
      header + "\nsim.process(function() \(call) end)",
      files: withFuel ? ["fuel.asc": Self.fuel(1)] : [:])
    #expect(outcome.result.error?.contains(message) == true, "\(outcome.result.error ?? "")")
  }

  @Test func windFromTheWestAndSlopeUpToTheNorthDriveTheHead() throws {
    let rising = HazardHarness.grid(columns: 121, rows: 121, cellSize: 5) { _, y in 0.3 * y }
    let probe = """
      sim.after(10, function() sim.fire.ignite { x = 302.5, y = 302.5 } end)
      sim.at(hours(3), function()
        for _, p in ipairs({ { "east", 402.5, 302.5 }, { "west", 202.5, 302.5 },
                             { "north", 302.5, 402.5 }, { "south", 302.5, 202.5 } }) do
          sim.metric(p[1], sim.fire.arrival_at(p[2], p[3]) or -1)
        end
      end)
      """
    let windy = try HazardHarness.run(
      "scenario { name = 'w', fuel = 'fuel.asc', duration = hours(3) }\n"
        + "sim.fire.wind { speed = 4, from = 270 }\n" + probe,
      files: ["fuel.asc": Self.fuel(1)])
    let w = windy.metrics
    #expect(windy.result.error == nil, "\(windy.result.error ?? "")")
    #expect((w["east"] ?? -1) > 0 && (w["east"] ?? 0) * 3 < (w["west"] ?? -1), "\(w)")
    let sloped = try HazardHarness.run(
      "scenario { name = 's', fuel = 'fuel.asc', terrain = 'dem.asc', duration = hours(3) }\n"
        + probe,
      files: ["fuel.asc": Self.fuel(1), "dem.asc": rising])
    let s = sloped.metrics
    #expect(sloped.result.error == nil, "\(sloped.result.error ?? "")")
    #expect((s["north"] ?? -1) > 0 && (s["north"] ?? 0) * 1.5 < (s["south"] ?? -1), "\(s)")
    #expect(abs((s["east"] ?? 0) - (s["west"] ?? -1)) < 1e-6, "\(s)")
  }

  @Test func unknownFuelCodesAreInvalidInput() throws {
    let fuel = HazardHarness.grid(columns: 3, rows: 3, cellSize: 5) { _, _ in 77 }
    let outcome = try HazardHarness.run(
      "scenario { name = 'x', fuel = 'fuel.asc' }\nsim.process(function() sim.fire.burned_area() end)",
      files: ["fuel.asc": fuel])
    #expect(
      outcome.result.error?.contains("not a fuel model number") == true,
      "\(outcome.result.error ?? "")")
  }
}
