import Foundation
import Scenario
import Testing

/// `sim.flood.breach`: the Lua side of levee and dam breaches, its handle,
/// and the volumes it moves onto the grid.
@Suite struct BreachAPITests {
  /// A low plain at -10 m, 1.2 km square in 20 m cells: the breach's
  /// tailwater never reaches its invert.
  static let plain = HazardHarness.grid(columns: 60, rows: 60, cellSize: 20) { _, _ in -10 }

  /// A river at a constant 3 m through a breach from crest 4 m to bottom
  /// 1 m, 10 m wide after 1000 s: with s = t / 1000 the weir gives
  /// Q = Cd 10 s sqrt(g) (3 s - 1)^1.5 once s > 1/3, integrated here by a
  /// fine midpoint rule as the independent reference.
  @Test func riverBreachReleasesTheWeirIntegral() throws {
    let outcome = try HazardHarness.run(
      """
      scenario { name = "levee", terrain = "dem.asc", duration = 1000 }
      local b = sim.flood.breach { x = 610, y = 610, river = { level = 3 },
        crest = 4, bottom = 1, width = 10, formation = 1000 }
      sim.at(500, function()
        sim.metric("width_500", b:width())
        sim.metric("level_500", b:level())
        sim.metric("outflow_500", b:outflow())
      end)
      sim.at(1000, function()
        sim.metric("released", b:released())
        sim.metric("volume", sim.flood.volume())
      end)
      """, files: ["dem.asc": Self.plain])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    let cd = 0.544_331_053_951_817
    let root = 9.80655.squareRoot()
    var reference = 0.0
    let pieces = 200_000
    for piece in 0..<pieces {
      let s = (Double(piece) + 0.5) / Double(pieces)
      let head = 3 * s - 1
      if head > 0 { reference += cd * 10 * s * root * head * head.squareRoot() }
    }
    reference *= 1000 / Double(pieces)
    #expect(m["width_500"] == 5)
    #expect(m["level_500"] == 3)
    // At 500 s: b = 5 m, invert 2.5 m, H = 0.5 m.
    #expect(abs((m["outflow_500"] ?? 0) - cd * 5 * root * 0.5 * 0.5.squareRoot()) < 1e-9)
    let released = m["released"] ?? 0
    #expect(abs(released - reference) < 1e-4 * reference, "\(released) vs \(reference)")
    #expect(abs((m["volume"] ?? 0) - released) <= 1e-9 * released)
  }

  /// A reservoir without width or formation is sized by Froehlich (2008):
  /// 1e6 m3 over a 10 m breach by piping, 24.62 m wide after 2018 s.
  @Test func reservoirBreachDefaultsToFroehlich() throws {
    let outcome = try HazardHarness.run(
      """
      scenario { name = "dam", terrain = "dem.asc", duration = 4000 }
      local b = sim.flood.breach { x = 610, y = 610, at = 100, mode = "piping",
        reservoir = { volume = 1e6, level = 10, area = 1e5 }, crest = 10, bottom = 0 }
      sim.metric("width_0", b:width())
      sim.at(100 + 1009.0, function() sim.metric("width_half", b:width()) end)
      sim.at(3900, function()
        sim.metric("width_end", b:width())
        sim.metric("level_end", b:level())
        sim.metric("released", b:released())
        sim.metric("volume", sim.flood.volume())
      end)
      """, files: ["dem.asc": Self.plain])
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    let width = 0.27 * pow(1e6, 0.32) * pow(10, 0.04)
    let formation = 63.2 * (1e6 / (9.81 * 100)).squareRoot()
    #expect(m["width_0"] == 0)
    #expect(abs((m["width_end"] ?? 0) - width) < 1e-9)
    #expect(abs((m["width_half"] ?? 0) - width * 1009 / formation) < 1e-9)
    // What left the 1e5 m2 pool is the volume on the grid.
    let drained = (10 - (m["level_end"] ?? 10)) * 1e5
    let released = m["released"] ?? 0
    #expect(released > 5e5)
    #expect(abs(drained - released) <= 1e-9 * released)
    #expect(abs((m["volume"] ?? 0) - released) <= 1e-9 * released)
  }

  @Test func badBreachesAreRefusedWithTheirField() throws {
    let cases: [(String, String)] = [
      ("river = { level = 3 }, reservoir = { level = 3, area = 10 }", "exactly one"),
      ("river = { level = 3 }", "stored volume"),
      ("river = { level = 3, depth = 2 }, width = 5, formation = 0", "unknown field in 'river'"),
      ("reservoir = { level = 3 }", "needs an area"),
      ("river = { level = 3 }, width = 5, formation = 0, mode = \"slide\"", "'mode'"),
      ("river = { level = 3 }, width = -5", "'width'"),
    ]
    for (fields, expected) in cases {
      let message: String
      do {
        let outcome = try HazardHarness.run(
          """
          scenario { name = "bad", terrain = "dem.asc", duration = 10 }
          sim.flood.breach { x = 610, y = 610, crest = 4, bottom = 1, \(fields) }
          """, files: ["dem.asc": Self.plain])
        message = outcome.result.error ?? "no error"
      } catch {
        message = "\(error)"
      }
      #expect(message.contains(expected), "\(fields): \(message)")
    }
  }
}
