import SimKernel
import Township

/// The shelters of a run: where they are, when they open, how many they
/// take and how fast, and who is in them.
///
/// A shelter takes arrivals while it is not closed (a threatened shelter
/// is closed for good) and has room for the next household: one that has
/// not opened yet is a destination all the same, and groups reaching it
/// early wait at its door until it opens. Households are
/// not split, so a shelter whose remaining places cannot take the group at
/// its door is full and the group goes on to the next. With an admission
/// rate, groups queue at the door and are admitted one after another
/// (persons / rate seconds each); their places are held while they queue.
public struct Shelters: Sendable {
  /// The facility ids, in the map's order of shelters.
  public let ids: [String]
  /// The access node of each shelter.
  public let nodes: [Int]
  /// Places (persons); nil for a shelter of unknown size (never full).
  public let capacities: [Int?]
  /// Admission rate, persons per second; nil admits at once.
  public internal(set) var admissionRates: [Double?]
  /// Persons admitted so far.
  public internal(set) var occupancy: [Int]
  /// Persons queued at the door (places held for them).
  public internal(set) var queued: [Int]
  /// The largest occupancy reached.
  public internal(set) var peak: [Int]
  /// When each shelter opens (ms of sim time).
  public let opensAt: [Int64]
  public internal(set) var isOpen: [Bool]
  public internal(set) var isClosed: [Bool]
  public internal(set) var isFull: [Bool]
  /// When the next group at the door can be admitted (ms, fractional).
  var nextAdmission: [Double]
  /// The shelters at each access node that has any, in shelter order: a
  /// tree repair re-seeds only the nodes whose shelters changed.
  let atNode: [Int: [Int]]

  /// The map's shelters (facilities of kind shelter), none open yet.
  public init(township: Township) {
    let shelters = township.facilities.filter { $0.kind == .shelter }
    ids = shelters.map(\.id)
    nodes = shelters.map(\.node)
    capacities = shelters.map(\.capacity)
    admissionRates = [Double?](repeating: nil, count: shelters.count)
    occupancy = [Int](repeating: 0, count: shelters.count)
    queued = occupancy
    peak = occupancy
    opensAt = shelters.map { (SimTime(seconds: $0.opensAt) ?? .zero).ms }
    isOpen = [Bool](repeating: false, count: shelters.count)
    isClosed = isOpen
    isFull = isOpen
    nextAdmission = [Double](repeating: 0, count: shelters.count)
    var atNode: [Int: [Int]] = [:]
    for (s, node) in nodes.enumerated() { atNode[node, default: []].append(s) }
    self.atNode = atNode
  }

  public var count: Int { ids.count }

  /// The index of the shelter with this facility id.
  public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

  /// Whether shelter `s` takes arrivals (at once, or at its door until it opens).
  public func isAdmitting(_ s: Int) -> Bool { !isClosed[s] && !isFull[s] }

  /// Whether a group of `persons` fits in shelter `s` beside those in it
  /// and at its door.
  func fits(_ s: Int, persons: Int) -> Bool {
    guard let capacity = capacities[s] else { return true }
    return occupancy[s] + queued[s] + persons <= capacity
  }
}
