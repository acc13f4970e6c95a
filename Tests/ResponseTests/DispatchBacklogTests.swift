import Response
import SimKernel
import Testing
import Township

/// Dispatch asks each team once where it can get to and times only the
/// teams that can reach a scene; these pin that the choices are the ones
/// the per-incident rule gives (every time worked out by hand).
@Suite("Dispatch backlog")
struct DispatchBacklogTests {
  /// s --100 s-- a --100 s-- b --100 s-- c, and c --100 s-- i blocked, so
  /// the team at i is cut off from every scene.
  static func cutLine() throws -> Township {
    try ResponseFixtures.township(
      nodes: [("s", 0, 0), ("a", 1000, 0), ("b", 2000, 0), ("c", 3000, 0), ("i", 4000, 0)],
      roads: [
        ("sa", "s", "a", 1000, 10), ("ab", "a", "b", 1000, 10), ("bc", "b", "c", 1000, 10),
        ("ci", "c", "i", 1000, 10),
      ])
  }

  /// Three teams, four incidents at once, then two teams freed together.
  ///
  /// Teams west (at s), east (at c) and island (at i, cut off), no
  /// turnout. At 0: first (a, priority 1, 1000 s), second (b, 1, 1000 s),
  /// third (b, 2, 500 s), fourth (s, 1, 200 s), reported in that order.
  ///
  /// first: west 100 s, east 200 s: west, on scene 100, free at a 1100.
  /// second: east 100 s: east, on scene 100, free at b 1100. third and
  /// fourth wait (only the island team is free). At 1100 west frees
  /// first (it was dispatched first): the queue is fourth (priority 1),
  /// third; west takes fourth (a to s, 100 s): on scene 1200, free 1400.
  /// East frees next at b and takes third where it stands: on scene 1100,
  /// free 1600. The island team is blocked once for each incident: 4.
  @Test("a backlog and several frees: the per-incident choices, by hand")
  func backlogAndFrees() throws {
    let township = try Self.cutLine()
    let (simulator, network, centre) = ResponseFixtures.centre(township)
    try network.set(.blocked, link: "ci")
    let node = { (id: String) in township.nodeIndex(of: id) ?? -1 }
    for (id, station) in [("west", "s"), ("east", "c"), ("island", "i")] {
      try centre.add(
        TeamSpec(
          id: id, kind: .fireRescue, station: node(station), skills: ["rescue"], onDutyCallOut: 0))
    }
    var blocked: [ResponseEvent] = []
    var dispatched: [(team: Int, incident: Int, at: SimTime)] = []
    centre.observer = { event in
      switch event {
      case .routeBlocked: blocked.append(event)
      case .dispatched(let team, let incident, _):
        dispatched.append((team, incident, simulator.now))
      default: break
      }
    }
    let plan: [(String, String, Int, Double)] = [
      ("first", "a", 1, 1000), ("second", "b", 1, 1000), ("third", "b", 2, 500),
      ("fourth", "s", 1, 200),
    ]
    for (id, scene, priority, work) in plan {
      try centre.report(
        Incident(
          id: id, kind: .other, node: node(scene), priority: priority, requiredSkills: ["rescue"],
          work: .fixed(work)))
    }
    simulator.run(until: SimTime(ms: 3_000_000))

    #expect(dispatched.map(\.team) == [0, 1, 0, 1])
    #expect(dispatched.map(\.incident) == [0, 1, 3, 2])
    #expect(dispatched.map(\.at) == [.zero, .zero, SimTime(ms: 1_100_000), SimTime(ms: 1_100_000)])
    let seconds = { (time: SimTime?) in time.map(\.seconds) ?? -1 }
    #expect(centre.incidents.map { seconds($0.arrived) } == [100, 100, 1_100, 1_200])
    #expect(centre.incidents.map { seconds($0.completed) } == [1_100, 1_100, 1_600, 1_400])
    #expect(centre.blockedRoutes == 4)
    #expect(blocked == (0..<4).map { ResponseEvent.routeBlocked(team: 2, incident: $0) })
  }

  /// A queued incident that found no team is asked again once the network
  /// changed.
  ///
  /// The island team is cut off when A (at c) is reported: A waits, and
  /// the team is counted blocked once. The link to c reopens and B (at i)
  /// is reported: the queue is A, B (same priority, alarm order), and A
  /// now has a team 100 s away, so A goes first and B waits.
  @Test("after a link reopens, the next pass reaches the waiting incident")
  func reopenedLinkReassesses() throws {
    let township = try Self.cutLine()
    let (simulator, network, centre) = ResponseFixtures.centre(township)
    try network.set(.blocked, link: "ci")
    let c = try #require(township.nodeIndex(of: "c"))
    let i = try #require(township.nodeIndex(of: "i"))
    try centre.add(
      TeamSpec(
        id: "island", kind: .fireRescue, station: i, skills: ["rescue"], onDutyCallOut: 0))
    try centre.report(
      Incident(id: "A", kind: .other, node: c, requiredSkills: ["rescue"], work: .fixed(60)))
    #expect(centre.incidents[0].team == nil)
    try network.set(.open, link: "ci")
    try centre.report(
      Incident(id: "B", kind: .other, node: i, requiredSkills: ["rescue"], work: .fixed(60)))
    #expect(centre.incidents.map(\.team) == [0, nil])
    #expect(centre.blockedRoutes == 1)
    simulator.run(until: SimTime(ms: 1_000_000))
    // A: on scene 100, done 160; B: back at i 100 s later, done 320.
    #expect(centre.incidents[1].dispatched == SimTime(ms: 160_000))
    #expect(centre.incidents[1].completed == SimTime(ms: 320_000))
  }

  /// Ties and a queued incident on the line fixture.
  ///
  /// w --100 s-- m --100 s-- e; teams at w and e (no turnout), two
  /// incidents at m. The first is a tie (100 s each): the earlier team,
  /// west. The second goes to east. A third at w, reported while both
  /// work, goes to whoever frees first: west (dispatched first), 100 s
  /// from m.
  @Test("equal times go to the earlier team; a freed team takes the next")
  func tiesToTheEarlierTeam() throws {
    let township = try ResponseFixtures.line()
    let (simulator, _, centre) = ResponseFixtures.centre(township)
    for (id, station) in [("west", 0), ("east", 2)] {
      try centre.add(
        TeamSpec(id: id, kind: .fireRescue, station: station, skills: ["rescue"], onDutyCallOut: 0))
    }
    for id in ["m1", "m2"] {
      try centre.report(
        Incident(id: id, kind: .other, node: 1, requiredSkills: ["rescue"], work: .fixed(600)))
    }
    try centre.report(
      Incident(id: "w", kind: .other, node: 0, requiredSkills: ["rescue"], work: .fixed(60)))
    simulator.run(until: SimTime(ms: 2_000_000))
    #expect(centre.incidents.map(\.team) == [0, 1, 0])
    #expect(centre.incidents[2].dispatched == SimTime(ms: 700_000))
    #expect(centre.incidents[2].arrived == SimTime(ms: 800_000))
  }

  /// Reach sets against travel times on every kind of link.
  ///
  /// A one-way link, a footpath, a flooded and a blocked link: every
  /// conveyance's reach from every node is exactly the targets with a
  /// travel time.
  @Test("the reachable nodes are exactly the targets with a travel time")
  func reachMatchesTravelTimes() throws {
    let nodes = (0..<6).map { Node(id: "n\($0)", position: MapPoint(x: Double($0) * 100, y: 0)) }
    let links = [
      Link(id: "l01", from: 0, to: 1, length: 100, mode: .road, speed: 10, capacity: 1),
      Link(
        id: "l12", from: 1, to: 2, length: 100, mode: .road, speed: 10, capacity: 1, oneway: true),
      Link(id: "l23", from: 2, to: 3, length: 100, mode: .path, speed: 1, capacity: 1),
      Link(id: "l34", from: 3, to: 4, length: 100, mode: .road, speed: 10, capacity: 1),
      Link(id: "l40", from: 4, to: 0, length: 100, mode: .road, speed: 10, capacity: 1),
    ]
    let township = try Township(nodes: nodes, links: links)
    let network = ResponseNetwork(township: township)
    try network.set(.flooded, link: "l34")
    try network.set(.blocked, link: "l40")
    for conveyance in Conveyance.allCases {
      for source in 0..<6 {
        let reach = try #require(network.reachable(from: source, by: conveyance, at: .zero))
        for target in 0..<6 {
          let time = network.travelTime(from: source, to: target, by: conveyance, at: .zero)
          #expect(reach.contains(target) == (time != nil), "\(conveyance) \(source) -> \(target)")
        }
      }
    }
    // The car goes 0 -> 1 -> 2 and not back: node 5 has no links at all.
    let car = try #require(network.reachable(from: 0, by: .car, at: .zero))
    #expect((0..<6).filter { car.contains($0) } == [0, 1, 2])
    try network.set(.open, link: "l40")
    let reopened = try #require(network.reachable(from: 2, by: .foot, at: .zero))
    // On foot: back along the one-way, the path, and round by 4 (the
    // flooded 3-4 stays shut to walkers).
    #expect((0..<6).filter { reopened.contains($0) } == [0, 1, 2, 3, 4])
  }

  /// A search paused part of the way answers as a full one does.
  ///
  /// A 6 x 6 grid of equal links has many routes of equal time. Asking for
  /// a near node first runs the search only part of the way; the far
  /// node's time and route must still be those of a search asked only
  /// about it.
  @Test("a search paused at a near team gives the far team's exact time and route")
  func pausedSearchIsExact() throws {
    var nodes: [Node] = []
    var links: [Link] = []
    for row in 0..<6 {
      for column in 0..<6 {
        let index = row * 6 + column
        nodes.append(Node(id: "n\(index)", position: MapPoint(x: Double(column), y: Double(row))))
        // 0.1 s steps, so times are sums that round.
        if column < 5 {
          links.append(
            Link(
              id: "h\(index)", from: index, to: index + 1, length: 1, mode: .road, speed: 10,
              capacity: 1))
        }
        if row < 5 {
          links.append(
            Link(
              id: "v\(index)", from: index, to: index + 6, length: 1, mode: .road, speed: 10,
              capacity: 1))
        }
      }
    }
    let township = try Township(nodes: nodes, links: links)
    let paused = ResponseNetwork(township: township)
    let target = 14
    #expect(paused.travelTime(from: 15, to: target, by: .car, at: .zero) == 0.1)
    for source in [35, 0, 30, 5] {
      let fresh = ResponseNetwork(township: township)
      let time = paused.travelTime(from: source, to: target, by: .car, at: .zero)
      #expect(time == fresh.travelTime(from: source, to: target, by: .car, at: .zero))
      let route = paused.route(from: source, to: target, by: .car, at: .zero)
      let freshRoute = fresh.route(from: source, to: target, by: .car, at: .zero)
      #expect(route?.map(\.link) == freshRoute?.map(\.link))
      #expect(route?.map(\.seconds) == freshRoute?.map(\.seconds))
    }
  }
}
