import Evacuation
import Scenario
import SimKernel
import Testing
import Township

/// Households that go home from the shelter (`return_share`, the
/// all-clear): exposure on the way, the metrics, and the Lua API.
@Suite struct ReturnHomeTests {
  /// Home a at x = 0, the hall at b, 600 m along a path; one household of
  /// 2 walking at 1 m/s.
  static func model() throws -> (EvacuationModel, Simulator) {
    let township = try Township(
      nodes: [
        Node(id: "a", position: MapPoint(x: 0, y: 0)),
        Node(id: "b", position: MapPoint(x: 600, y: 0)),
      ],
      links: [
        Link(id: "ab", from: 0, to: 1, length: 600, mode: .path, speed: 1.34, capacity: 10)
      ],
      zones: [
        Zone(
          id: "z", node: 0, position: MapPoint(x: 0, y: 0), population: 2, households: 1,
          walkSpeed: 1)
      ],
      facilities: [
        Facility(id: "hall", kind: .shelter, node: 1, position: MapPoint(x: 600, y: 0))
      ])
    var roster = try HouseholdRoster(
      zoneIDs: ["z"], zoneCentres: [MapPoint(x: 0, y: 0)], gridIDs: ["z"], gridZones: [0])
    try roster.append(
      Household(zone: 0, grid: 0, node: 0, position: MapPoint(x: 0, y: 0), size: 2))
    let simulator = Simulator()
    let model = EvacuationModel(
      map: LiveMap(township: township), simulator: simulator, streams: RandomStreams(seed: 1),
      roster: roster)
    return (model, simulator)
  }

  /// A returner walking through water is exposed and counted.
  ///
  /// Water rises over the middle of the path (200 < x < 400 m) at 630 s,
  /// after the household reached the hall (600 s). It leaves for home at
  /// 660 s and walks the 600 m until 1260 s, the path's midpoint wet all
  /// the way: the movement samples at 660, 720, ..., 1260 s (11 of them)
  /// each count 2 persons x 60 s, so 1320 person-s = 22 person-minutes;
  /// home (x = 0) is dry. Both persons count as returned and exposed.
  @Test func aReturnerOnAWetPathIsExposed() throws {
    let (model, simulator) = try Self.model()
    model.hazard = { point, time in point.x > 200 && point.x < 400 && time.seconds >= 630 }
    var order = EvacuationOrder(zones: [0], mode: .walk, premovement: .fixed(seconds: 0))
    order.returnShare = 1
    order.returnAfter = .fixed(seconds: 60)
    order.returnStayShare = 1
    try model.evacuate(order)
    simulator.run()
    #expect(model.exposedPersonSeconds == 1320)
    #expect(model.returnedExposedPersons == 2)
    #expect(model.network.personsReturned == 2)
    #expect(model.network.shelters.occupancy == [0])
    #expect(model.network.clearance().t100 == 600)
  }

  /// Without water nobody is exposed, and a returner that comes back
  /// after its dwell is in the hall again at the end.
  @Test func aDryReturnIsNotExposed() throws {
    let (model, simulator) = try Self.model()
    model.hazard = { _, _ in false }
    var order = EvacuationOrder(zones: [0], mode: .walk, premovement: .fixed(seconds: 0))
    order.returnShare = 1
    order.returnAfter = .fixed(seconds: 60)
    order.returnDwell = .fixed(seconds: 120)
    try model.evacuate(order)
    simulator.run()
    // In at 600 s, out at 660, home at 1260, out at 1380, in at 1980.
    #expect(model.exposedPersonSeconds == 0)
    #expect(model.network.outcome(0).settled?.seconds == 1980)
    #expect(model.network.shelters.occupancy == [1 * 2])
    #expect(model.network.cameBack == 1)
  }

  /// The hall is 100 m from home at 1 m/s; two singles leave at 0 on a
  /// path passing 10 persons/s, so the second is in at 100.1 s.
  static let village = """
    scenario { name = "village", duration = 3600, map = {
      nodes = { { id = "a", x = 0, y = 0 }, { id = "b", x = 100, y = 0 } },
      links = { { id = "ab", from = "a", to = "b", length = 100, mode = "path", capacity = 10 } },
      zones = { { id = "z", node = "a", population = 2, households = 2, walk_speed = 1 } },
      facilities = { { id = "hall", kind = "shelter", node = "b", capacity = 10 } },
    } }
    """

  /// The all-clear at 600 s sends both households home: the hall is empty
  /// a second later, both are home at 700 s (+ 0.1 s), and T100 stays at
  /// their first arrival.
  @Test func theAllClearSendsShelteredHouseholdsHome() throws {
    let outcome = try ScenarioHarness.run(
      Self.village + """
        sim.evacuate { zones = "all", mode = "walk", premovement = 0 }
        sim.at(600, function()
          local sent = sim.evacuation.all_clear { zones = "all" }
          sim.metric("sent", sent.households)
          sim.metric("sent_persons", sent.persons)
        end)
        sim.at(601, function() sim.metric("hall_after", sim.shelter.status("hall").occupancy) end)
        """)
    #expect(outcome.result.error == nil, "\(outcome.result.error ?? "")")
    let m = outcome.metrics
    #expect(m["sent"] == 2 && m["sent_persons"] == 2)
    #expect(m["hall_after"] == 0)
    #expect(m["evacuation.all_clear_households"] == 2)
    #expect(m["evacuation.returned"] == 2)
    #expect(m["evacuation.t100_s"] == 100.1)
    #expect(outcome.kinds.filter { $0 == "evacuation.home" }.count == 2)
    #expect(outcome.kinds.contains("evacuation.all_clear"))
    let homes = outcome.events.filter { $0.kind == "evacuation.home" }.map(\.time.seconds)
    #expect(homes == [700, 700.1])
  }

  /// `return_share = 1`: both go home 300 s after arriving, unless the path
  /// closed meanwhile; then they stay, counted as blocked.
  @Test func returnersLeaveUnlessTheirWayIsCut() throws {
    let open = try ScenarioHarness.run(
      Self.village + """
        sim.evacuate { zones = "all", mode = "walk", premovement = 0, return_share = 1,
                       return_after = 300, return_stay_share = 1 }
        """)
    #expect(open.result.error == nil, "\(open.result.error ?? "")")
    #expect(open.metrics["evacuation.returned_households"] == 2)
    #expect(open.metrics["evacuation.return_blocked"] == 0)
    #expect(open.metrics["shelter.hall.occupancy"] == 0)
    let cut = try ScenarioHarness.run(
      Self.village + """
        sim.evacuate { zones = "all", mode = "walk", premovement = 0, return_share = 1,
                       return_after = 300, return_dwell = { dist = "fixed", seconds = 60 } }
        sim.at(200, function() sim.map.close_link("ab") end)
        """)
    #expect(cut.result.error == nil, "\(cut.result.error ?? "")")
    #expect(cut.metrics["evacuation.returned"] == 0)
    #expect(cut.metrics["evacuation.return_blocked"] == 2)
    #expect(cut.kinds.filter { $0 == "evacuation.return_blocked" }.count == 2)
  }

  @Test func badReturnFieldsAreRejected() {
    #expect {
      try ScenarioHarness.run(
        Self.village + """
          sim.evacuate { zones = "all", mode = "walk", return_share = 2 }
          """)
    } throws: { error in
      "\(error)".contains("field 'return_share' must be in [0, 1]")
    }
  }
}
