import Scenario
import Testing

/// The P/S/M/U bands of a time target: P up to the target, S up to 25 %
/// over it, M up to 50 % over it, U beyond or never reached.
@Suite struct ObjectiveRatingTests {
  @Test(arguments: [
    (0.0, "P"), (100.0, "P"), (100.001, "S"), (125.0, "S"), (125.001, "M"), (150.0, "M"),
    (150.001, "U"), (1e9, "U"),
  ])
  func bandsOfATarget(value: Double, rating: String) {
    let rated = ObjectiveRating(value: value, target: 100)
    #expect(rated.rating == rating)
    #expect(rated.pass == (rating == "P"))
  }

  @Test func neverReachedIsUnable() {
    #expect(ObjectiveRating(value: nil, target: 100) == ObjectiveRating(value: 1e12, target: 100))
    #expect(ObjectiveRating(value: nil, target: 100).rating == "U")
    #expect(ObjectiveRating(value: .infinity, target: 100).rating == "U")
  }
}
