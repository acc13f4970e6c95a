import Testing
import Township

/// The local transverse Mercator: round trip, scale and orientation.
@Suite struct ProjectionTests {
  let projection = LocalProjection(origin: GeoCoordinate(longitude: 11.54, latitude: 50.01))

  @Test func originIsZeroAndRoundTripIsExact() {
    let origin = projection.project(projection.origin)
    #expect(abs(origin.x) < 1e-6 && abs(origin.y) < 1e-6)
    for (lon, lat) in [(11.40, 49.88), (11.68, 50.10), (11.54, 50.2), (11.9, 49.7)] {
      let c = GeoCoordinate(longitude: lon, latitude: lat)
      let back = projection.unproject(projection.project(c))
      // 1e-8 degrees is about 1 mm: the third-order series' own accuracy.
      #expect(abs(back.longitude - lon) < 1e-8 && abs(back.latitude - lat) < 1e-8)
    }
  }

  @Test func distancesMatchTheEllipsoid() {
    // One arc-minute of latitude at 50 N is 1853.2 m on WGS84
    // (meridian radius M = a(1-e2)/(1-e2 sin2)^1.5 = 6 373 446 m at 50 N).
    let a = projection.project(GeoCoordinate(longitude: 11.54, latitude: 50.0 - 1.0 / 120))
    let b = projection.project(GeoCoordinate(longitude: 11.54, latitude: 50.0 + 1.0 / 120))
    let meridianRadius =
      6_378_137.0 * (1 - 0.006_694_379_99) / pow15(1 - 0.006_694_379_99 * 0.586_824_089)
    #expect(abs(a.distance(to: b) - meridianRadius * .pi / 180 / 60) < 0.01)
    // One arc-minute of longitude at 50 N: N cos(phi) * dlambda.
    let c = projection.project(GeoCoordinate(longitude: 11.54 - 1.0 / 120, latitude: 50.0))
    let d = projection.project(GeoCoordinate(longitude: 11.54 + 1.0 / 120, latitude: 50.0))
    let primeVertical = 6_378_137.0 / (1 - 0.006_694_379_99 * 0.586_824_089).squareRoot()
    #expect(abs(c.distance(to: d) - primeVertical * 0.642_787_610 * .pi / 180 / 60) < 0.01)
    #expect(d.x > c.x && b.y > a.y)
  }

  private func pow15(_ value: Double) -> Double { value * value.squareRoot() }
}
