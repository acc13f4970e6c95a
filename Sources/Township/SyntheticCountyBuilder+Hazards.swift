/// Hazard features: the main river, the side streams and the forested slopes.
///
/// Rivers and streams are drawn from source to mouth along the terrain's
/// axes, so a flood model that rasterises them finds them in the channels
/// the DEM cuts. Forest covers both slopes of every side valley, from
/// 100 m beyond its floor's edge to 1.5 km beyond its head: where a fire
/// would run uphill towards the villages on the valley floor.
extension SyntheticCountyBuilder {
  mutating func buildHazards() {
    var river: [MapPoint] = []
    var x = 0.0
    while x < terrain.length {
      river.append(MapPoint(x: x, y: terrain.riverY(at: x)))
      x += 200
    }
    river.append(MapPoint(x: terrain.length, y: terrain.riverY(at: terrain.length)))
    hazards.append(
      HazardFeature(
        id: "river-main", kind: "river", name: "Main river", points: river, closed: false))
    for (cluster, valley) in terrain.valleys.enumerated() {
      let source = valley.headDistance + 1_000
      var stream: [MapPoint] = []
      var distance = source
      while distance > 0 {
        stream.append(valleyPoint(cluster: cluster, distance: distance, offset: 0))
        distance -= 500
      }
      stream.append(valleyPoint(cluster: cluster, distance: 0, offset: 0))
      hazards.append(
        HazardFeature(
          id: "stream-c\(cluster)", kind: "stream", name: "Side stream \(cluster)", points: stream,
          closed: false))
      let low = SyntheticTerrain.mainFloorHalfWidth + 200
      let high = valley.headDistance + 1_500
      for (label, near, far) in [("east", 900.0, 2_300.0), ("west", -900.0, -2_300.0)] {
        let ring = [
          valleyPoint(cluster: cluster, distance: low, offset: near),
          valleyPoint(cluster: cluster, distance: low, offset: far),
          valleyPoint(cluster: cluster, distance: high, offset: far),
          valleyPoint(cluster: cluster, distance: high, offset: near),
          valleyPoint(cluster: cluster, distance: low, offset: near),
        ]
        hazards.append(
          HazardFeature(
            id: "forest-c\(cluster)-\(label)", kind: "forest", name: nil, points: ring, closed: true
          ))
      }
    }
  }
}
