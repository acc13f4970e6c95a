/// An OSM node or way that becomes facilities: its id, tag value, kinds and point.
struct FacilitySource {
  /// `n` or `w` and the OSM id: the suffix of the facility ids.
  var id: String
  /// The OSM id of a node source; nil for a way.
  var nodeID: Int64?
  /// The `amenity` or lodging `tourism` value the kinds came from.
  var tagValue: String
  var kinds: [FacilityKind]
  var name: String?
  /// The node's coordinate, or the way's vertex centroid.
  var coordinate: GeoCoordinate
}

/// Merging a facility mapped twice: as a point (node) and as its building outline (way).
///
/// Mappers often tag both the point and the outline of one town hall or
/// school with the same amenity; importing both would count its shelter
/// places twice. A node and a way are the same facility when they carry
/// the same tag value (the same `amenity`, or the same lodging `tourism`
/// value) and the node is one of the way's vertices, lies inside the way's
/// closed outline, or, when the way is not a closed ring (an open or odd
/// outline, where inside has no meaning), lies within
/// `duplicateFacilityDistance` of the way's vertex centroid. Two nodes or
/// two ways are never merged: separate buildings may share an amenity.
extension OSMImporter {
  /// How close (metres) a node must be to an open outline's vertex centroid to be its duplicate.
  ///
  /// 50 m: about the size of the largest village buildings that carry
  /// these amenities (a school, a town hall with its wing), so a point
  /// mapped anywhere on such a building is within it, while the next
  /// building of the same kind in a village is usually farther away.
  static let duplicateFacilityDistance = 50.0

  /// The facility sources with each node's duplicate outline left out, nodes first, then ways.
  ///
  /// The merged facility keeps the node's id and position: the node is
  /// the point the mapper chose for the facility (often by the entrance)
  /// and it lies in the building by the rule above, while a vertex
  /// centroid leans towards the walls with the most vertices and can fall
  /// outside an L- or U-shaped building, which would move the access node.
  /// Keeping the node's id also keeps the id scenarios already use for the
  /// facility. The name is the node's, or the way's when the node has none.
  /// Each node merges with at most one way, the lowest-id matching way not
  /// yet taken (both lists are sorted by OSM id), so the result does not
  /// depend on hashing order. Counts the merges in the report.
  mutating func mergingDuplicates(
    nodes: [FacilitySource], ways: [(source: FacilitySource, way: OSMExtract.Way)]
  ) -> [FacilitySource] {
    var merged = nodes
    var taken = [Bool](repeating: false, count: ways.count)
    for index in merged.indices {
      let node = merged[index]
      guard let osmID = node.nodeID,
        let match = ways.indices.first(where: { wayIndex in
          !taken[wayIndex] && ways[wayIndex].source.tagValue == node.tagValue
            && isSameFacility(
              node: node.coordinate, osmID: osmID, way: ways[wayIndex].way,
              centroid: ways[wayIndex].source.coordinate)
        })
      else { continue }
      taken[match] = true
      if merged[index].name == nil { merged[index].name = ways[match].source.name }
      report.duplicateFacilities += 1
    }
    for (index, entry) in ways.enumerated() where !taken[index] { merged.append(entry.source) }
    return merged
  }

  /// Whether a node is a vertex of the way, inside its closed outline, or near an open one's centroid.
  func isSameFacility(
    node coordinate: GeoCoordinate, osmID: Int64, way: OSMExtract.Way, centroid: GeoCoordinate
  ) -> Bool {
    if way.nodeRefs.contains(osmID) { return true }
    if isClosed(way) {
      return PolygonRing(way.nodeRefs.compactMap { extract.coordinates[$0] }).contains(coordinate)
    }
    let distance = projection.project(coordinate).distance(to: projection.project(centroid))
    return distance <= Self.duplicateFacilityDistance
  }
}
