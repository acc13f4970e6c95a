import Hazards
import Testing

/// Structure fires against the closed forms and the hazards.md §8 test
/// vector: room 4 × 4 × 2.5 m, door 0.9 × 2.0 m.
@Suite struct FireStructureTests {
  private func room(_ growth: StructureFire.GrowthClass, at t0: Double = 0) -> StructureFire {
    StructureFire(
      growth: growth, roomLength: 4, roomWidth: 4, roomHeight: 2.5, openingWidth: 0.9,
      openingHeight: 2.0, ignitionTime: t0)
  }

  @Test func growthCoefficients() {
    let expected: [(StructureFire.GrowthClass, Double)] = [
      (.slow, 0.00293), (.medium, 0.01172), (.fast, 0.0469), (.ultraFast, 0.1876),
    ]
    for (growth, alpha) in expected {
      #expect(abs(growth.alpha - 1055 / (growth.growthTime * growth.growthTime)) <= 1e-15)
      // Published α values are rounded to 3-4 significant figures.
      #expect(abs(growth.alpha / alpha - 1) < 2e-3)
      let fire = StructureFire(growth: growth, openingArea: 100, openingHeight: 4, internalArea: 1)
      #expect(abs(fire.heatRelease(at: growth.growthTime) - 1055) <= 1e-9)
    }
  }

  @Test func roomGeometryAndFlashoverHeatRelease() {
    let fire = room(.medium)
    let factor = 0.9 * 2.0 * 2.0.squareRoot()
    #expect(abs(fire.ventilationFactor - factor) <= 1e-12)
    #expect(abs(fire.ventilationFactor - 2.5456) < 5e-5)
    #expect(abs(fire.internalArea - 70.2) <= 1e-9)
    #expect(abs(fire.flashoverHeatRelease(.babrauskas) - 750 * factor) <= 1e-9)
    #expect(abs(fire.flashoverHeatRelease(.thomas) - (7.8 * 70.2 + 378 * factor)) <= 1e-9)
    #expect(abs(fire.flashoverHeatRelease(.mqh(wallConductance: 0.035)) - 1525.5) < 0.05)
    #expect(abs(fire.flashoverHeatRelease(.babrauskas) - 1909.2) < 0.05)
    #expect(abs(fire.flashoverHeatRelease(.thomas) - 1509.8) < 0.05)
    #expect(abs(fire.ventilationLimit - 3818.4) < 0.05)
  }

  @Test func flashoverTimesMatchTheTable() throws {
    let table: [(StructureFire.GrowthClass, Double, Double)] = [
      (.slow, 718, 807), (.medium, 359, 404), (.fast, 179, 202), (.ultraFast, 90, 101),
    ]
    for (growth, thomas, babrauskas) in table {
      let fire = room(growth, at: 100)
      let tThomas = try #require(fire.flashoverTime(.thomas)) - 100
      let tBabrauskas = try #require(fire.flashoverTime(.babrauskas)) - 100
      #expect(
        abs(tThomas - (fire.flashoverHeatRelease(.thomas) / growth.alpha).squareRoot()) <= 1e-9)
      #expect(abs(tThomas - thomas) <= 0.5, "\(growth) Thomas \(tThomas)")
      #expect(abs(tBabrauskas - babrauskas) <= 0.5, "\(growth) Babrauskas \(tBabrauskas)")
      #expect(abs(fire.heatRelease(at: 100 + tThomas) - fire.flashoverHeatRelease(.thomas)) <= 1e-9)
    }
  }

  @Test func ventilationCapsGrowthAndCanPreventFlashover() {
    let fire = room(.fast, at: 10)
    #expect(fire.heatRelease(at: 5) == 0)
    #expect(fire.heatRelease(at: 10) == 0)
    #expect(abs(fire.heatRelease(at: 110) - 1055.0 / 22_500 * 10_000) <= 1e-9)
    #expect(fire.heatRelease(at: 10_000) == fire.ventilationLimit)
    // A large, tightly closed hall: Thomas needs more than the vent can feed.
    let hall = StructureFire(
      growth: .fast, openingArea: 0.2, openingHeight: 0.5, internalArea: 2000)
    #expect(hall.flashoverTime(.thomas) == nil)
    #expect(hall.flashoverTime(.babrauskas) != nil)
  }
}
