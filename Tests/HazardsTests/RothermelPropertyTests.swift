import Hazards
import Testing

/// Published reference values and exact properties of the Rothermel model
/// (hazards.md §5.4 and §10).
@Suite struct RothermelPropertyTests {
  private let d2l2 = FuelMoisture(
    dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: 0.60, liveWoody: 0.90)

  @Test func moistureScenariosHaveTheStandardValues() throws {
    #expect(FuelMoisture.scenario("D2L2") == d2l2)
    let d1l1 = try #require(FuelMoisture.scenario("D1L1"))
    #expect(d1l1.dead1h == 0.03 && d1l1.dead100h == 0.05 && d1l1.liveHerbaceous == 0.30)
    #expect(d1l1.liveWoody == 0.60)
    let a82 = try #require(FuelMoisture.scenario("A82"))
    #expect(a82.dead10h == 0.08 && a82.liveHerbaceous == 1.0 && a82.liveWoody == 1.0)
    let d4l4 = try #require(FuelMoisture.scenario("d4l4"))
    #expect(d4l4.dead1h == 0.12 && d4l4.liveHerbaceous == 1.20 && d4l4.liveWoody == 1.50)
    #expect(FuelMoisture.scenario("D5L1") == nil)
    #expect(FuelMoisture.scenario("X") == nil)
  }

  @Test func catalogueHoldsAllStandardModels() throws {
    let numbers = FuelModel.standardModels.map(\.number)
    #expect(numbers.count == 13 + 5 + 40)
    #expect(numbers == numbers.sorted())
    #expect(FuelModel.standardModels.filter { $0.number > 100 }.count == 40)
    let gr6 = try #require(FuelModel.standard(code: "gr6"))
    #expect(gr6.heatContent == 9000)
    #expect(try #require(FuelModel.standard(number: 91)).isBurnable == false)
    #expect(try #require(FuelModel.standard(number: 124)).isDynamic)
    #expect(try #require(FuelModel.standard(number: 4)).isDynamic == false)
  }

  /// BehavePlus's own unit test (firelab/behave testBehave.cpp): GS4, D2L2,
  /// flat, 5 mi/h midflame: L/W 1.590064 and head:back 7.988029 (±1e-6).
  @Test func behavePlusParityOnGS4() throws {
    let gs4 = try #require(FuelModel.standard(code: "GS4"))
    let fire = SurfaceFire(
      model: gs4, moisture: d2l2, midflameWind: FireUnits.metresPerMinute(mph: 5))
    #expect(abs(fire.lengthToBreadth - 1.590064) <= 1e-6)
    let headToBack = fire.headSpreadRate / fire.backingSpreadRate
    #expect(abs(headToBack - 7.988029) <= 1e-6)
  }

  @Test func nonBurnableGivesZero() throws {
    let nb = try #require(FuelModel.standard(code: "NB1"))
    let fire = SurfaceFire(model: nb, moisture: d2l2, midflameWind: 300, slope: 0.5)
    #expect(fire.baseSpreadRate == 0 && fire.headSpreadRate == 0 && fire.firelineIntensity == 0)
    #expect(fire.flameLength == 0)
  }

  @Test func moistureAtExtinctionGivesExactlyZero() throws {
    let fm1 = try #require(FuelModel.standard(code: "FM1"))
    let wet = FuelMoisture(
      dead1h: 0.12, dead10h: 0.12, dead100h: 0.12, liveHerbaceous: 1, liveWoody: 1)
    let fire = SurfaceFire(model: fm1, moisture: wet, midflameWind: 200)
    #expect(fire.baseSpreadRate == 0)
    #expect(fire.headSpreadRate == 0)
  }

  @Test func noWindNoSlopeIsACircle() throws {
    for model in FuelModel.standardModels where model.isBurnable {
      let fire = SurfaceFire(model: model, moisture: d2l2)
      #expect(fire.lengthToBreadth == 1 && fire.eccentricity == 0)
      #expect(fire.headSpreadRate == fire.baseSpreadRate)
      #expect(fire.spreadRate(towardAzimuth: 123) == fire.headSpreadRate)
    }
  }

  @Test func dynamicCuringMovesHerbaceousLoad() throws {
    let gr2 = try #require(FuelModel.standard(code: "GR2"))
    let cured = { (herb: Double) in
      SurfaceFuelBed(
        model: gr2,
        moisture: FuelMoisture(
          dead1h: 0.06, dead10h: 0.07, dead100h: 0.08, liveHerbaceous: herb, liveWoody: 0.9)
      ).curedFraction
    }
    #expect(cured(0.30) == 1)
    #expect(cured(1.20) == 0)
    #expect(abs(cured(0.60) - (1 - (0.6 / 0.9 - 1.0 / 3.0))) < 1e-15)
    #expect(cured(0.6) > cured(0.9))
  }

  @Test func ellipseRatesAreConsistent() throws {
    let fm1 = try #require(FuelModel.standard(code: "FM1"))
    let fire = SurfaceFire(
      model: fm1, moisture: d2l2, midflameWind: FireUnits.metresPerMinute(mph: 5),
      windToward: 90)
    #expect(abs(fire.headAzimuth - 90) < 1e-9)
    #expect(abs(fire.spreadRate(towardAzimuth: 90) - fire.headSpreadRate) < 1e-12)
    #expect(abs(fire.spreadRate(towardAzimuth: 270) - fire.backingSpreadRate) < 1e-12)
    #expect(abs(fire.spreadRate(towardAzimuth: 0) - fire.spreadRate(towardAzimuth: 180)) < 1e-12)
    // Semi-major a = (R + R_b)/2, semi-minor b = a / LW.
    let a = (fire.headSpreadRate + fire.backingSpreadRate) / 2
    #expect(abs(fire.flankingSpreadRate - a / fire.lengthToBreadth) < 1e-12)
  }

  @Test func windAndSlopeCombineAsVectors() throws {
    let fm2 = try #require(FuelModel.standard(code: "FM2"))
    let bed = SurfaceFuelBed(model: fm2, moisture: d2l2)
    let wind = 150.0
    let windOnly = SurfaceFire(bed: bed, midflameWind: wind, windToward: 0)
    let slopeOnly = SurfaceFire(bed: bed, slope: 0.4, upslopeAzimuth: 90)
    let both = SurfaceFire(
      bed: bed, midflameWind: wind, windToward: 0, slope: 0.4, upslopeAzimuth: 90,
      windLimit: false)
    let phiW = windOnly.headSpreadRate / windOnly.baseSpreadRate - 1
    let phiS = slopeOnly.headSpreadRate / slopeOnly.baseSpreadRate - 1
    let expected = both.baseSpreadRate * (1 + (phiW * phiW + phiS * phiS).squareRoot())
    #expect(abs(both.headSpreadRate - expected) < 1e-9 * expected)
    #expect(both.headAzimuth > 0 && both.headAzimuth < 90)
  }

  @Test func windLimitCapsEffectiveWind() throws {
    let fm8 = try #require(FuelModel.standard(code: "FM8"))
    let bed = SurfaceFuelBed(model: fm8, moisture: d2l2)
    let limited = SurfaceFire(bed: bed, midflameWind: 2000, windLimit: true)
    let free = SurfaceFire(bed: bed, midflameWind: 2000, windLimit: false)
    #expect(limited.isWindLimited)
    #expect(limited.headSpreadRate < free.headSpreadRate)
    let cap = 0.9 * bed.reactionIntensity * 0.3048  // m/min
    #expect(abs(limited.effectiveWindSpeed - cap) < 1e-9 * cap)
  }
}
