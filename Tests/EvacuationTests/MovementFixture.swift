import Evacuation
import SimKernel
import Township

/// Small maps for movement tests, written as lists of links between named
/// nodes, and a network with its simulator.
///
/// A callback set on `network` (`onLeave`, `onNotice`) captures the parts it
/// needs, never the fixture: the fixture holds the network, so a closure
/// holding the fixture would form a cycle that leaks the network and the
/// simulator.
struct MovementFixture {
  let township: Township
  let simulator = Simulator()
  let network: QueueNetwork

  /// A link between named nodes: (id, from, to, length m, mode, speed m/s,
  /// capacity per s, lanes, width m, one-way).
  struct Arc {
    var id: String
    var from: String
    var to: String
    var length: Double
    var mode: LinkMode = .path
    var speed = 1.34
    var capacity = 10.0
    var lanes = 1
    var width = 2.0
    var oneway = false
  }

  /// Nodes are created in the order they are first named, on a line 1 m apart.
  init(
    _ arcs: [Arc], shelters: [(id: String, node: String, capacity: Int?, opensAt: Double)],
    options: QueueNetwork.Options = QueueNetwork.Options()
  ) throws {
    var names: [String] = []
    func node(_ name: String) -> Int {
      if let i = names.firstIndex(of: name) { return i }
      names.append(name)
      return names.count - 1
    }
    let links = arcs.map { a in
      Link(
        id: a.id, from: node(a.from), to: node(a.to), length: a.length, mode: a.mode,
        lanes: a.lanes, speed: a.speed, capacity: a.capacity, width: a.width, oneway: a.oneway)
    }
    let facilities = shelters.map { s in
      Facility(
        id: s.id, kind: .shelter, node: node(s.node), position: MapPoint(x: 0, y: 0),
        capacity: s.capacity, opensAt: s.opensAt)
    }
    let nodes = names.enumerated().map {
      Node(id: $0.element, position: MapPoint(x: Double($0.offset), y: 0))
    }
    township = try Township(nodes: nodes, links: links, facilities: facilities)
    network = QueueNetwork(township: township, simulator: simulator, options: options)
  }

  func node(_ id: String) -> Int { township.nodeIndex(of: id) ?? -1 }
  func link(_ id: String) -> Int { township.linkIndex(of: id) ?? -1 }

  /// Adds `count` travellers of `persons` each at `origin`, leaving at `departure` s.
  func add(
    _ count: Int, at origin: String, persons: Int = 1, mode: TravellerMode = .walk,
    speed: Double = 1.34, departure: Double = 0, firstID: Int = 0
  ) {
    for k in 0..<count {
      network.add(
        TravellerSpec(
          id: firstID + k, origin: node(origin), persons: persons, mode: mode, walkSpeed: speed,
          departure: SimTime(seconds: departure) ?? .zero))
    }
  }

  /// Everyone's outcome, in the order added.
  var outcomes: [TravellerOutcome] { (0..<network.travellerCount).map(network.outcome) }

  /// Settling times in seconds of the travellers, in the order added.
  var arrivals: [Double] { outcomes.map { $0.settled?.seconds ?? .infinity } }
}
