import Hazards
import Testing

/// The Defra/EA hazard rating's debris factors, row by row and on the
/// bounds of each row (FD2321 Table 3.1, restated as Table 1 of the 2008
/// supplementary note on flood hazard ratings).
@Suite struct FloodHazardRatingTests {
  /// Debris factors of (pasture, woodland, urban) at a depth and speed.
  private func factors(depth: Double, speed: Double = 0) -> [Double] {
    FloodHazardRating.LandUse.allCases.map {
      FloodHazardRating(landUse: $0).debrisFactor(depth: depth, speed: speed)
    }
  }

  @Test func shallowWaterUpTo25cmCarriesNoDebris() {
    #expect(FloodHazardRating.LandUse.allCases == [.pasture, .woodland, .urban])
    #expect(factors(depth: 0.01) == [0, 0, 0])
    #expect(factors(depth: 0.25) == [0, 0, 0])
  }

  @Test func from25To75cmTheFactorFollowsTheLandUse() {
    #expect(factors(depth: 0.25.nextUp) == [0, 0.5, 1])
    #expect(factors(depth: 0.5) == [0, 0.5, 1])
    #expect(factors(depth: 0.75) == [0, 0.5, 1])
  }

  @Test func deeperThan75cmIsTheLastRow() {
    #expect(factors(depth: 0.75.nextUp) == [0.5, 1, 1])
    #expect(factors(depth: 3) == [0.5, 1, 1])
  }

  @Test func fasterThan2MetresASecondIsTheLastRowAtAnyDepth() {
    #expect(factors(depth: 0.1, speed: 2) == [0, 0, 0])
    #expect(factors(depth: 0.1, speed: 2.0.nextUp) == [0.5, 1, 1])
    #expect(factors(depth: 0.5, speed: 2) == [0, 0.5, 1])
    #expect(factors(depth: 0.5, speed: 2.5) == [0.5, 1, 1])
  }

  @Test func ratingIsDepthTimesSpeedPlusHalfPlusTheFactor() {
    let urban = FloodHazardRating(landUse: .urban)
    #expect(urban.rating(depth: 0, speed: 3) == 0)
    #expect(urban.rating(depth: 0.2, speed: 1) == 0.2 * 1.5)
    #expect(urban.rating(depth: 0.5, speed: 1) == 0.5 * 1.5 + 1)
    let pasture = FloodHazardRating(landUse: .pasture)
    #expect(pasture.rating(depth: 1, speed: 0.5) == 1 + 0.5)
    // The class bounds of the method: moderate, significant, extreme.
    #expect(FloodHazardRating.classes.map(\.from) == [0.75, 1.25, 2.0])
  }
}
