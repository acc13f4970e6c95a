import Response
import SimKernel
import Township

/// Small maps with hand-checkable travel times.
enum ResponseFixtures {
  /// Road links between named nodes: (id, from, to, metres, m/s).
  static func township(
    nodes: [(String, Double, Double)], roads: [(String, String, String, Double, Double)]
  ) throws -> Township {
    let nodeList = nodes.map { Node(id: $0.0, position: MapPoint(x: $0.1, y: $0.2)) }
    let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.0, $0) })
    let links = roads.map { road in
      Link(
        id: road.0, from: index[road.1] ?? -1, to: index[road.2] ?? -1, length: road.3,
        mode: .road, speed: road.4, capacity: 0.5)
    }
    return try Township(nodes: nodeList, links: links)
  }

  /// s --100 s-- a --100 s-- b, at 10 m/s.
  static func line() throws -> Township {
    try township(
      nodes: [("s", 0, 0), ("a", 1000, 0), ("b", 2000, 0)],
      roads: [("sa", "s", "a", 1000, 10), ("ab", "a", "b", 1000, 10)])
  }

  /// st --50 s-- x directly, or st --100 s-- d --100 s-- x around.
  static func detour() throws -> Township {
    try township(
      nodes: [("st", 0, 0), ("x", 500, 0), ("d", 250, 900)],
      roads: [
        ("stx", "st", "x", 500, 10), ("std", "st", "d", 1000, 10), ("dx", "d", "x", 1000, 10),
      ])
  }

  static func centre(_ township: Township, boatSpeed: Double = 2.5) -> (
    Simulator, ResponseNetwork, DispatchCentre
  ) {
    let simulator = Simulator()
    let network = ResponseNetwork(township: township, boatSpeed: boatSpeed)
    let centre = DispatchCentre(
      simulator: simulator, routing: network,
      workDraws: RandomStream(seed: 1, name: "response.work"))
    return (simulator, network, centre)
  }
}
