/// A generated county: a township map on a synthetic river valley.
///
/// Layout (all in local metres, no projection): the main river runs west to
/// east; a trunk road follows its north bank. Villages form township
/// clusters: a seat (集镇) on the main valley floor and the other villages in
/// pairs up a side valley, one on each bank of its stream, a kilometre
/// apart. Each side valley has a primary road from the trunk (crossing the
/// main river on a bridge for valleys to the south) to its head; secondary
/// roads cross the ridges between the heads of neighbouring valleys on the
/// same side, so every valley has a second way out. Inside a village
/// residential streets form a lattice of 80 m blocks of about 15 households
/// (at most 6 x 6 blocks); a tertiary link connects it to the valley road
/// (a road bridge for villages across the stream). Footbridges cross the
/// side stream at every other station and the main river at every southern
/// seat; hiking paths climb from the top village of each valley to the
/// ridge. All roads are two-way, so the road network is strongly
/// connected by construction (the tests check it with `StrongComponents`).
///
/// A village gets one zone and one grid (网格) per `householdsPerGrid`
/// households (rounded up), each with a responsible person id `wgy-<zone>`
/// (网格员); a hall and, in seats and villages of 250 households or more, a
/// school, which together shelter `shelterShare` of its residents. Each
/// seat has a township depot, a rescue station and a health centre; the
/// county adds a fire rescue station at every fifth seat and a county depot
/// at the middle seat. Hazard features are the main river, each side
/// stream and forest on both slopes of every side valley.
public struct SyntheticCounty: Sendable {
  /// The map, checked by `Township`'s own validation.
  public let township: Township
  /// The landform the map lies on (sample it with `elevationGrid(cellSize:)`).
  public let terrain: SyntheticTerrain
  /// The options it was generated with.
  public let options: SyntheticCountyOptions
  /// One entry per village, in id order.
  public let villages: [SyntheticVillage]

  /// Generates the county the options describe; same options, same map.
  public static func generate(_ options: SyntheticCountyOptions) throws(MapError) -> SyntheticCounty
  {
    try options.validate()
    var builder = SyntheticCountyBuilder(options: options)
    builder.buildTrunk()
    for cluster in 0..<builder.clusterCount {
      builder.buildSideRoad(cluster: cluster)
      for village in builder.villageRange(cluster: cluster) {
        builder.buildVillage(village)
      }
    }
    builder.buildRidges()
    builder.buildHazards()
    var township = try Township(
      nodes: builder.nodes, links: builder.links, zones: builder.zones, grids: builder.grids,
      facilities: builder.facilities, hazards: builder.hazards, file: "synthetic county")
    if options.localityOrder { township = try township.inLocalityOrder().township }
    return SyntheticCounty(
      township: township, terrain: builder.terrain, options: options, villages: builder.summaries)
  }
}

/// One village of a synthetic county, as the generator planned it.
///
/// The map itself knows zones, not villages; this is the roster that ties
/// a village's zones, grids and shelters together.
public struct SyntheticVillage: Sendable, Equatable {
  /// `v0001`, `v0002`, ...: the prefix of its zones' and shelters' ids.
  public let id: String
  public let name: String
  /// The township cluster it belongs to (0-based, west to east).
  public let cluster: Int
  /// Whether it is the cluster's seat on the main valley.
  public let isSeat: Bool
  public let households: Int
  public let population: Int
  /// Its zones (one per grid).
  public let zones: Int
  /// Places in its shelters.
  public let shelterCapacity: Int
}
