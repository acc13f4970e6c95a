import LuaHost
import Scenario
import SimKernel

/// The fire's effect on the map, at the arrival times of the cells.
///
/// After each ignition the run wakes at the fire's next cell arrival (an
/// urgent kernel event, rounded up to the next millisecond), reads the
/// cells settled up to then and starts: `fire.link_closed` `{link,
/// arrival}` when a link's first cell burns (closed to everyone until
/// `road_closure` seconds after its last cell ignites, then `link.reopened`
/// is logged); `zone.burning` `{zone, arrival}` at a zone's node; the
/// outage of a substation or base station the fire reaches; and, ahead of
/// the fire, `shelter.threatened` `{facility, arrival}` `shelter_lead`
/// seconds before the fire's predicted arrival within `shelter_radius` of
/// a shelter, which then closes (with `close_shelters`, the default) so
/// that those heading there re-route in time. Without a map nothing is
/// watched and nothing wakes.
extension LuaScenario {
  func bindFireCoupling(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.fire.thresholds", "fire_thresholds") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(
        call, known: ["road_closure", "shelter_radius", "shelter_lead", "close_shelters"])
      guard self.fireCoupling == nil, self.fire?.isBurning != true else {
        throw LuaCallError("\(call.name): set the thresholds before the first sim.fire.ignite")
      }
      if let closure = try self.numberField(call, "road_closure", required: false) {
        guard closure >= 0 else { throw call.argumentError(1, "field 'road_closure' must be >= 0") }
        self.fireRules.roadClosure = closure
      }
      if let radius = try self.numberField(call, "shelter_radius", required: false) {
        guard radius >= 0 else {
          throw call.argumentError(1, "field 'shelter_radius' must be >= 0")
        }
        self.fireRules.shelterRadius = radius
      }
      if let lead = try self.numberField(call, "shelter_lead", required: false) {
        guard lead >= 0 else { throw call.argumentError(1, "field 'shelter_lead' must be >= 0") }
        self.fireRules.shelterLead = lead
      }
      switch call.field(1, "close_shelters", { call.value(at: $0, depth: 1) }) {
      case .nil: break
      case .boolean(let close): self.fireRules.closeThreatenedShelters = close
      default: throw call.argumentError(1, "field 'close_shelters' must be a boolean")
      }
      return 0
    }
  }

  /// Starts watching the fire (after an ignition): builds the coupling on
  /// the map once and wakes at the next arrival.
  func watchFire() {
    guard let fire, let map else { return }
    if fireCoupling == nil { fireCoupling = FireCoupling(map: map, fire: fire, rules: fireRules) }
    scheduleFireWake()
  }

  /// Schedules a wake at the next cell arrival; any earlier wake pending
  /// becomes stale (an ignition may have brought the next arrival forward).
  func scheduleFireWake() {
    fireWake += 1
    guard let coupling = fireCoupling, let next = coupling.nextArrival else { return }
    let generation = fireWake
    at(LuaScenario.wakeTime(next)) { [unowned(unsafe) self] in
      guard generation == self.fireWake else { return }
      self.fireArrivals(until: max(next, self.simulator.now.seconds))
      // A fire alone must not keep a run without a duration going forever.
      if self.spec.duration != nil || self.simulator.nextEventTime != nil {
        self.scheduleFireWake()
      }
    }
  }

  /// Starts the events of every target the fire reached by `time`.
  func fireArrivals(until time: Double) {
    guard let coupling = fireCoupling else { return }
    let stack = lua.stack
    for arrival in coupling.settle(until: time) {
      let when: (String, LuaValue) = ("arrival", .number(arrival.time))
      switch arrival.target {
      case .link(let id):
        emitFromHost("fire.link_closed", [("link", .string(id)), when], on: stack)
        scheduleFireReopen(link: id)
      case .zone(let id):
        emitFromHost("zone.burning", [("zone", .string(id)), when], on: stack)
      case .shelter(let id):
        emitFromHost("shelter.threatened", [("facility", .string(id)), when], on: stack)
        if coupling.rules.closeThreatenedShelters, let model = evacuation,
          let s = model.network.shelters.ids.firstIndex(of: id)
        {
          model.closeShelter(s)
        }
      case .supplier(let id):
        guard let board = hazardOutages() else { continue }
        announce(board.knockOut(facility: id, by: "fire", at: simulator.now.seconds))
      }
    }
  }

  /// Reopens a burned link when its closure is over (later ignitions on it
  /// push the time back).
  func scheduleFireReopen(link id: String) {
    guard let coupling = fireCoupling, let due = coupling.reopenTime(link: id) else { return }
    at(LuaScenario.wakeTime(due)) { [unowned(unsafe) self] in
      self.fireArrivals(until: due)
      guard coupling.reopenTime(link: id) == due, coupling.reopen(link: id, at: due) else {
        self.scheduleFireReopen(link: id)
        return
      }
      self.sink.record(
        at: self.simulator.now, kind: "link.reopened",
        fields: [("link", .string(id)), ("closed", .string("none")), ("cause", .string("fire"))])
    }
  }

  /// The first millisecond of sim time at or after `seconds`, so that a
  /// wake never comes before what it waits for.
  static func wakeTime(_ seconds: Double) -> Double { (seconds * 1000).rounded(.up) / 1000 }
}
