/// The valley roads: the trunk, the side-valley roads and the ridge crossings.
///
/// Roads are laid before the villages, which then hang on the stops the
/// roads recorded: a trunk junction per side valley, a trunk stop by each
/// seat, a node per village station, footbridge landings and each valley's
/// head.
extension SyntheticCountyBuilder {
  /// Metres north of the river axis the trunk runs.
  static let trunkOffset = 400.0
  /// Metres east of a side stream its valley road runs.
  static let sideRoadOffset = 150.0
  /// Metres east of a side stream the seat village's centre lies.
  static let seatOffset = 600.0

  /// Lays the trunk along the north bank from the west end to the outlet.
  ///
  /// Stops sit at every side valley's road (x + 150 m) and every seat (x +
  /// 600 m); between stops the shape follows the meander every 250 m.
  mutating func buildTrunk() {
    var stations: [(x: Double, cluster: Int, isSeat: Bool)] = [(0, -1, false)]
    for (cluster, valley) in terrain.valleys.enumerated() {
      stations.append((valley.x + Self.sideRoadOffset, cluster, false))
      stations.append((valley.x + Self.seatOffset, cluster, true))
    }
    stations.append((terrain.length, -1, false))
    func point(_ x: Double) -> MapPoint {
      MapPoint(x: x, y: terrain.riverY(at: x) + Self.trunkOffset)
    }
    var previous: (x: Double, node: Int)?
    for station in stations {
      let node = addNode(point(station.x))
      if station.cluster >= 0 {
        if station.isSeat {
          stops[station.cluster].trunkSeat = node
        } else {
          stops[station.cluster].trunkJunction = node
        }
      }
      if let previous {
        var via: [MapPoint] = []
        var x = (previous.x / 250).rounded(.down) * 250 + 250
        while x < station.x - 1 {
          via.append(point(x))
          x += 250
        }
        addLink(previous.node, node, "trunk", via: via)
      }
      previous = (station.x, node)
    }
  }

  /// Lays a side valley's primary road from the trunk to the valley head.
  ///
  /// Valleys to the south first cross the main river on a bridge (link id
  /// `bridge-<cluster>`) to a bridgehead 400 m south of the river axis.
  /// Station j (1-based) lies 1.2 km + (j - 0.5) km out; odd stations with
  /// a village on the west bank get a footbridge landing 250 m further out.
  mutating func buildSideRoad(cluster: Int) {
    let valley = terrain.valleys[cluster]
    let range = villageRange(cluster: cluster)
    let lastSlot = plans[range.upperBound - 1].slot
    var current = stops[cluster].trunkJunction
    func extend(to distance: Double, _ roadClass: String = "primary", id: String? = nil) -> Int {
      let node = addNode(
        valleyPoint(cluster: cluster, distance: distance, offset: Self.sideRoadOffset))
      addLink(current, node, roadClass, id: id)
      current = node
      return node
    }
    if valley.side < 0 {
      stops[cluster].bridgehead = extend(to: Self.trunkOffset, id: "bridge-c\(cluster)")
    }
    for index in 0..<((lastSlot + 1) / 2) {
      let station = index + 1
      let distance =
        SyntheticTerrain.mainFloorHalfWidth
        + (Double(station) - 0.5) * SyntheticTerrain.stationSpacing
      stops[cluster].stations.append(extend(to: distance))
      let hasFootbridge = station % 2 == 1 && 2 * station <= lastSlot
      stops[cluster].footbridges.append(hasFootbridge ? extend(to: distance + 250) : nil)
    }
    stops[cluster].head = extend(to: valley.headDistance)
  }

  /// Crosses the ridge between the heads of valleys two apart (same side)
  /// with a secondary road over a pass, and lays the hiking paths: from the
  /// top village of each valley to the pass ahead of it, or to a lookout on
  /// the valley head where no valley lies ahead.
  mutating func buildRidges() {
    for cluster in 0..<clusterCount {
      let valley = terrain.valleys[cluster]
      var pass: Int?
      if cluster + 2 < clusterCount {
        let next = terrain.valleys[cluster + 2]
        let a = nodes[stops[cluster].head].position
        let b = nodes[stops[cluster + 2].head].position
        let reach = max(valley.headDistance, next.headDistance) + 800
        let middle = (valley.x + next.x) / 2
        let top = addNode(MapPoint(x: middle, y: terrain.riverY(at: middle) + valley.side * reach))
        addLink(stops[cluster].head, top, "secondary", via: [MapPoint(x: a.x + 300, y: a.y)])
        addLink(top, stops[cluster + 2].head, "secondary", via: [MapPoint(x: b.x - 300, y: b.y)])
        pass = top
      }
      guard let start = hikeStart[cluster] else { continue }
      let target =
        pass
        ?? addNode(
          valleyPoint(cluster: cluster, distance: valley.headDistance + 1_200, offset: 600))
      addLink(start, target, "path", width: Self.footbridgeWidth)
    }
  }
}
