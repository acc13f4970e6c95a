import SimKernel

/// The mutable state of one synthetic county generation.
///
/// The steps live in extensions (`+Valleys`, `+Villages`, `+Hazards`) and
/// run in a fixed order, each drawing from its own named random stream
/// (villages from one stream per village), so adding a feature to one step
/// never shifts the draws of another, and the same options give the same
/// map, node for node.
struct SyntheticCountyBuilder {
  /// A village's place in the plan: size, cluster, slot and centre.
  struct Plan {
    var id: String
    var name: String
    var cluster: Int
    /// 0 for the seat, then 1, 2, 3 (east, west, east bank) up the valley.
    var slot: Int
    var households: Int
    /// Households of all villages before this one (for exact population rounding).
    var householdsBefore: Int
    var centre = MapPoint(x: 0, y: 0)
  }

  /// Where the valley roads offer a village its connection.
  struct Stops {
    var trunkJunction = 0
    var trunkSeat = 0
    var bridgehead: Int?
    var stations: [Int] = []
    var footbridges: [Int?] = []
    var head = 0
  }

  /// Block edge inside villages, metres.
  static let blockSize = 80.0
  /// Households per block.
  static let householdsPerBlock = 15
  /// Blocks per side of a village lattice at most (480 m fits a station).
  static let maximumBlocks = 6
  /// Width of footbridges and hiking paths, metres (judgement: narrow
  /// rural footbridges; the map default for paths is 2 m).
  static let footbridgeWidth = 1.5

  let options: SyntheticCountyOptions
  let terrain: SyntheticTerrain
  let clusterCount: Int
  let clusterSize: Int
  var plans: [Plan]
  var stops: [Stops]
  /// The lattice node hiking paths start from, per cluster (top east village).
  var hikeStart: [Int?]
  var nodes: [Node] = []
  var links: [Link] = []
  var zones: [Zone] = []
  var grids: [Grid] = []
  var facilities: [Facility] = []
  var hazards: [HazardFeature] = []
  var summaries: [SyntheticVillage] = []

  init(options: SyntheticCountyOptions) {
    self.options = options
    clusterSize = options.clusterSize
    clusterCount = (options.villages + clusterSize - 1) / clusterSize
    let households = Self.allocateHouseholds(options: options, clusterSize: clusterSize)
    let width = max(4, String(options.villages).count)
    var names = RandomStream(seed: options.seed, name: "synth.names")
    var plans: [Plan] = []
    var before = 0
    for index in 0..<options.villages {
      let number = String(index + 1)
      plans.append(
        Plan(
          id: "v" + String(repeating: "0", count: width - number.count) + number,
          name: Self.villageName(&names), cluster: index / clusterSize, slot: index % clusterSize,
          households: households[index], householdsBefore: before))
      before += households[index]
    }
    self.plans = plans
    var stations = [Int](repeating: 0, count: clusterCount)
    for plan in plans where plan.slot > 0 { stations[plan.cluster] = (plan.slot + 1) / 2 }
    terrain = SyntheticTerrain(stationsPerValley: stations, seed: options.seed)
    stops = [Stops](repeating: Stops(), count: clusterCount)
    hikeStart = [Int?](repeating: nil, count: clusterCount)
  }

  /// The villages of a cluster, by index into `plans`.
  func villageRange(cluster: Int) -> Range<Int> {
    (cluster * clusterSize)..<min((cluster + 1) * clusterSize, options.villages)
  }

  /// Households per village: a floor of a quarter of the mean each, the
  /// rest by seeded lognormal weights (sigma 0.5; seats weigh 3x), rounded
  /// by largest remainder so the total is exactly villages x mean.
  static func allocateHouseholds(options: SyntheticCountyOptions, clusterSize: Int) -> [Int] {
    let count = options.villages
    let floor = max(1, options.householdsPerVillage / 4)
    let rest = count * (options.householdsPerVillage - floor)
    var stream = RandomStream(seed: options.seed, name: "synth.households")
    var weights: [Double] = []
    for index in 0..<count {
      weights.append(stream.lognormal(0, 0.5) * (index % clusterSize == 0 ? 3 : 1))
    }
    let total = weights.reduce(0, +)
    var result = [Int](repeating: floor, count: count)
    var fractions: [(fraction: Double, index: Int)] = []
    var assigned = 0
    for index in 0..<count {
      let exact = Double(rest) * weights[index] / total
      let whole = Int(exact.rounded(.down))
      result[index] += whole
      assigned += whole
      fractions.append((exact - Double(whole), index))
    }
    fractions.sort {
      $0.fraction > $1.fraction || ($0.fraction == $1.fraction && $0.index < $1.index)
    }
    for k in 0..<(rest - assigned) { result[fractions[k % count].index] += 1 }
    return result
  }

  /// A pinyin-style village name from the names stream.
  static func villageName(_ stream: inout RandomStream) -> String {
    let first = [
      "Shang", "Xia", "Dong", "Xi", "Nan", "Bei", "Da", "Xiao", "Qing", "Hong", "Huang", "Bai",
      "Shi", "Ma", "Li", "Zhang", "Wang", "Liu", "Chen", "Yang", "Gao", "Lin", "Song", "Tao",
    ]
    let second = [
      "jiacun", "hekou", "ping", "wan", "gou", "tang", "qiao", "ba", "zhuang", "ying", "shan",
      "tun", "lou", "yuan", "po", "ling",
    ]
    let a = Int(stream.integer(0, Int64(first.count - 1)))
    let b = Int(stream.integer(0, Int64(second.count - 1)))
    return first[a] + second[b]
  }

  // MARK: Network primitives

  /// Adds a node and returns its index.
  mutating func addNode(_ position: MapPoint) -> Int {
    nodes.append(Node(id: "n\(nodes.count)", position: position))
    return nodes.count - 1
  }

  /// Adds a two-way link with the defaults of an OSM highway class.
  ///
  /// - Parameters:
  ///   - from: the start node.
  ///   - to: the end node.
  ///   - roadClass: a key of `RoadClass.all`.
  ///   - id: the link id; `l<index>` when nil.
  ///   - via: shape points between the two ends.
  ///   - width: walkable width of a path, metres.
  mutating func addLink(
    _ from: Int, _ to: Int, _ roadClass: String, id: String? = nil, via: [MapPoint] = [],
    width: Double = Link.defaultPathWidth
  ) {
    let defaults = RoadClass.all[roadClass] ?? RoadClass.all["road"]
    let mode = defaults?.mode ?? .road
    let lanes = defaults?.lanes ?? 1
    let speedKmh = defaults?.speedKmh ?? 50
    let perLane = defaults?.capacityPerLane ?? 600
    let shape = [nodes[from].position] + via + [nodes[to].position]
    var length = 0.0
    for i in 1..<shape.count { length += shape[i - 1].distance(to: shape[i]) }
    links.append(
      Link(
        id: id ?? "l\(links.count)", from: from, to: to, length: length, mode: mode, lanes: lanes,
        speed: speedKmh / 3.6,
        capacity: mode == .road ? perLane * Double(lanes) / 3_600 : perLane * width,
        width: width, roadClass: roadClass, shape: shape))
  }

  /// A point `distance` metres out along cluster `cluster`'s side valley,
  /// measured from the main river axis, at `offset` metres east of its stream.
  func valleyPoint(cluster: Int, distance: Double, offset: Double) -> MapPoint {
    let valley = terrain.valleys[cluster]
    return MapPoint(
      x: valley.x + offset, y: terrain.riverY(at: valley.x) + valley.side * distance)
  }
}
