import LuaHost
import Scenario
import SimKernel

/// An inject's run-time state: how it is triggered and what the run saw.
struct InjectState {
  /// A condition polled every `poll` (a `when` function of the script).
  var condition: LuaRef?
  var poll = LuaScenario.defaultInjectPoll
  /// An event name that fires it at its first occurrence (`when = "name"`).
  var event: String?
  /// The script's test of the expected action.
  var expect: LuaRef?
  var firedAt: SimTime?
  var followed: Bool?
}

/// `sim.inject{}`: the master scenario events list (MSEL) of a drill.
///
/// Injects are declared at the top level only, so the whole list (and each
/// inject's number, in MSEL order) is known before the run starts and
/// `drillsim drill msel` prints the same list the run plays. A timed inject
/// fires at `at`; a conditional one at the first poll (every `poll`
/// seconds from the start, after everything else at that instant) at which
/// its `when` function returns true, or at the first `sim.emit` or model
/// event named by `when`. Polling at fixed sim times keeps the firing time
/// a function of the scenario and seed alone.
extension LuaScenario {
  /// Seconds between polls of a `when` function unless `poll` says.
  static let defaultInjectPoll = SimTime(ms: 60_000)

  static let injectFields = [
    "at", "when", "trigger", "poll", "id", "type", "delivery", "from", "to", "text",
    "expected_action", "objective", "expect", "within",
  ]

  /// The injects in MSEL order, numbered.
  public var plannedInjects: [Inject] {
    injects.sorted { $0.number < $1.number }
  }

  func declareInject(_ call: LuaCall) throws(LuaCallError) -> Int32 {
    guard !setupFinished else {
      throw LuaCallError(
        "sim.inject must be called at the scenario's top level (the MSEL is fixed before the run)")
    }
    guard call.type(at: 1) == .table else {
      throw reject("sim.inject expects a table {at= or when=, to=, text=, ...}")
    }
    let n = injects.count + 1
    for field in call.stringKeys(1) where !Self.injectFields.contains(field) {
      throw reject(
        "sim.inject #\(n): unknown field '\(field)' (known: \(Self.injectFields.joined(separator: ", ")))"
      )
    }
    func text(_ field: String, required: Bool = false) throws(LuaCallError) -> String? {
      let type = call.field(1, field) { call.type(at: $0) }
      if type == .nil {
        guard !required else { throw reject("sim.inject #\(n): field '\(field)' (text) expected") }
        return nil
      }
      guard type == .string, let value = call.field(1, field, { call.string(at: $0) }),
        !value.isEmpty
      else {
        throw reject("sim.inject #\(n): '\(field)' must be a non-empty string, got \(type.name)")
      }
      return value
    }
    func seconds(_ field: String) throws(LuaCallError) -> Double? {
      guard call.field(1, field, { call.type(at: $0) }) != .nil else { return nil }
      guard let value = call.field(1, field, { call.number(at: $0) }), value.isFinite, value >= 0
      else { throw reject("sim.inject #\(n): '\(field)' must be a non-negative number of seconds") }
      return value
    }
    var inject = Inject(
      number: 0, id: try text("id"), time: nil, trigger: try text("trigger"),
      type: try text("type"), delivery: try text("delivery"), from: try text("from"),
      to: try text("to", required: true) ?? "", text: try text("text", required: true) ?? "",
      expectedAction: try text("expected_action"), objective: try text("objective"),
      within: try seconds("within"))
    var state = InjectState()
    let when = call.field(1, "when") { call.type(at: $0) }
    if let at = try seconds("at") {
      guard when == .nil else { throw reject("sim.inject #\(n): give 'at' or 'when', not both") }
      guard inject.trigger == nil else {
        throw reject("sim.inject #\(n): 'trigger' is for conditional injects (with 'when')")
      }
      guard let time = SimTime(seconds: at), time >= simulator.now else {
        throw reject("sim.inject #\(n): 'at' must be a time not before now")
      }
      inject.time = time
    } else if when == .function {
      guard inject.trigger != nil else {
        throw reject("sim.inject #\(n): a 'when' function needs 'trigger', the text the MSEL shows")
      }
      call.pushField(1, "when")
      state.condition = lua.ref(from: call, at: -1)
      call.pop(1)
    } else if when == .string, let name = call.field(1, "when", { call.string(at: $0) }),
      !name.isEmpty
    {
      state.event = name
      if inject.trigger == nil { inject.trigger = "event \(name)" }
    } else {
      throw reject(
        "sim.inject #\(n): 'at' (seconds) or 'when' (a function or an event name) expected")
    }
    if call.field(1, "poll", { call.type(at: $0) }) != .nil {
      guard state.condition != nil, let poll = try seconds("poll"), poll > 0,
        let step = SimTime(seconds: poll), step > .zero
      else {
        throw reject("sim.inject #\(n): 'poll' (positive seconds) goes with a 'when' function")
      }
      state.poll = step
    }
    let expect = call.field(1, "expect") { call.type(at: $0) }
    if expect == .function {
      call.pushField(1, "expect")
      state.expect = lua.ref(from: call, at: -1)
      call.pop(1)
    } else if expect != .nil {
      throw reject(
        "sim.inject #\(n): 'expect' must be a function returning true when the action followed")
    }
    if inject.within != nil, state.expect == nil {
      throw reject("sim.inject #\(n): 'within' says when to call 'expect', which is missing")
    }
    injects.append(inject)
    injectStates.append(state)
    return 0
  }

  /// Numbers the injects in MSEL order and schedules them; called once
  /// the setup has run.
  func scheduleInjects() throws(ScenarioError) {
    setupFinished = true
    for (number, index) in Inject.mselOrder(injects).enumerated() {
      injects[index].number = number + 1
    }
    for index in injects.indices {
      if let time = injects[index].time {
        simulator.schedule(after: time - simulator.now) { [unowned(unsafe) self] in
          self.fireInject(index)
        }
      } else if injectStates[index].condition != nil {
        guard spec.duration != nil else {
          throw ScenarioError(
            path,
            "inject \(injects[index].number) polls a 'when' function: the scenario needs"
              + " scenario{ duration = ... } so the polling ends")
        }
        pollInject(index)
      }
    }
  }

  /// Tests a `when` function now and polls again later until it fires.
  func pollInject(_ index: Int) {
    simulator.schedule(after: .zero, priority: .late) { [unowned(unsafe) self] in
      guard self.failure == nil, self.injectStates[index].firedAt == nil,
        let condition = self.injectStates[index].condition
      else { return }
      guard let met = self.callPredicate(condition, "inject \(self.injects[index].number) 'when'")
      else { return }
      if met {
        self.fireInject(index)
      } else {
        let poll = self.injectStates[index].poll
        self.simulator.schedule(after: poll) { [unowned(unsafe) self] in self.pollInject(index) }
      }
    }
  }

  /// Fires the injects waiting for event `name` (at this instant, after
  /// the code that announced it).
  func fireInjects(waitingFor name: String) {
    for index in injectStates.indices
    where injectStates[index].event == name && injectStates[index].firedAt == nil {
      injectStates[index].event = nil
      simulator.schedule(after: .zero) { [unowned(unsafe) self] in self.fireInject(index) }
    }
  }

  /// Delivers inject `index`: logs it, starts the `sim.on("inject")`
  /// handlers and schedules the check of its expected action.
  func fireInject(_ index: Int) {
    guard failure == nil, injectStates[index].firedAt == nil else { return }
    injectStates[index].firedAt = simulator.now
    let inject = injects[index]
    var fields: [(String, LuaValue)] = [("number", .integer(Int64(inject.number)))]
    let optional: [(String, String?)] = [
      ("id", inject.id), ("type", inject.type), ("delivery", inject.delivery),
      ("from", inject.from), ("to", inject.to), ("text", inject.text),
      ("expected_action", inject.expectedAction), ("objective", inject.objective),
      ("trigger", inject.trigger),
    ]
    for (key, value) in optional { if let value { fields.append((key, .string(value))) } }
    emitFromHost("inject", fields, on: lua.stack)
    if let within = inject.within, injectStates[index].expect != nil,
      let delay = SimTime(seconds: within)
    {
      simulator.schedule(after: delay, priority: .late) { [unowned(unsafe) self] in
        self.checkInject(index)
      }
    }
  }

  /// Calls inject `index`'s `expect` and records whether the action followed.
  func checkInject(_ index: Int) {
    guard failure == nil, injectStates[index].firedAt != nil, injectStates[index].followed == nil,
      let expect = injectStates[index].expect,
      let followed = callPredicate(expect, "inject \(injects[index].number) 'expect'")
    else { return }
    injectStates[index].followed = followed
    sink.record(
      at: simulator.now, kind: "inject.checked",
      fields: [("number", .integer(Int64(injects[index].number))), ("followed", .bool(followed))])
  }

  /// Checks, at the end, the fired injects whose `expect` has no `within`.
  func checkRemainingInjects() {
    for index in injects.indices { checkInject(index) }
  }

  /// Calls a script function without arguments for a truth value; nil
  /// (and the run failed) when it raised.
  func callPredicate(_ function: LuaRef, _ what: String) -> Bool? {
    let stack = lua.stack
    lua.push(function, onto: stack)
    do {
      try lua.call(on: stack, arguments: 0, results: 1)
    } catch {
      fail(error)
      return nil
    }
    defer { stack.pop(1) }
    return stack.boolean(at: -1)
  }

  /// `inject.<n>.fired` (0 or 1), `.fired_s` and `.followed` (0 or 1,
  /// when an `expect` was checked), in MSEL order.
  func recordInjectMetrics(into metrics: inout MetricSeries) {
    let now = simulator.now
    for index in Inject.mselOrder(injects) {
      let prefix = "inject.\(injects[index].number)"
      let state = injectStates[index]
      metrics.record("\(prefix).fired", state.firedAt == nil ? 0 : 1, at: now)
      if let fired = state.firedAt { metrics.record("\(prefix).fired_s", fired.seconds, at: now) }
      if let followed = state.followed {
        metrics.record("\(prefix).followed", followed ? 1 : 0, at: now)
      }
    }
  }
}
