import LuaHost
import Scenario
import SimKernel

/// The host primitives the prelude builds `sim` from (its `H` table).
///
/// Each checks its arguments Lua-style and reports failures by throwing
/// `LuaCallError`; those that wait return `call.yield()` (see `bindWaits`).
extension LuaScenario {
  func pushHostTable() {
    let stack = lua.stack
    stack.newTable()
    func bind(_ name: StaticString, _ body: @escaping LuaState.Function) {
      bind(name, as: "\(name)", body)
    }
    /// Binds under `key` in the host table; `name` is what errors call it.
    func bind(_ name: StaticString, as key: String, _ body: @escaping LuaState.Function) {
      let function = lua.register(name, body)
      if let operation = LuaScenario.fastOperations[key] {
        lua.push(function, fast: operation)
      } else {
        lua.push(function)
      }
      stack.setField(-2, key)
    }
    bind("raise") { call throws(LuaCallError) in
      throw LuaCallError(call.string(at: 1) ?? "error")
    }
    bind("now") { [unowned(unsafe) self] call in
      call.push(number: self.simulator.now.seconds)
      return 1
    }
    bind("sim.after", as: "spawn") { [unowned(unsafe) self] call throws(LuaCallError) in
      let delay = try self.delay(call, 1)
      try call.checkType(2, .function)
      let pid = self.spawn(from: call, function: 2, arguments: call.count - 2, after: delay)
      self.pushHandle(pid, onto: call)
      return 1
    }
    bind("sim.process", as: "process") { [unowned(unsafe) self] call throws(LuaCallError) in
      try call.checkType(1, .function)
      let pid = self.spawn(from: call, function: 1, arguments: call.count - 1, after: .zero)
      self.pushHandle(pid, onto: call)
      return 1
    }
    bind("cancel") { [unowned(unsafe) self] call throws(LuaCallError) in
      let pid = try call.checkInteger(1)
      guard let i = self.processes.index(of: pid) else { return 0 }
      if pid == self.processes.current {
        self.processes.slots[i].cancelRequested = true
      } else {
        self.cancel(at: i)
      }
      return 0
    }
    bind("alive") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(boolean: self.processes.index(of: try call.checkInteger(1)) != nil)
      return 1
    }
    bind("on") { [unowned(unsafe) self] call throws(LuaCallError) in
      let name = try self.eventName(call)
      try call.checkType(2, .function)
      self.handlers[name, default: []].append(self.lua.ref(from: call, at: 2))
      return 0
    }
    bind("emit") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.emit(call)
      return 0
    }
    bind("stop") { [unowned(unsafe) self] call in
      self.stopReason = call.string(at: 1) ?? "stopped by the scenario"
      self.simulator.stop()
      return 0
    }
    bind("log") { [unowned(unsafe) self] call in
      let message = call.string(at: 1) ?? ""
      self.sink.record(at: self.simulator.now, kind: "log", fields: [("msg", .string(message))])
      self.options.log("[t=\(self.simulator.now) s] \(message)")
      return 0
    }
    bind("metric") { [unowned(unsafe) self] call throws(LuaCallError) in
      let name = try call.checkString(1)
      guard MetricSeries.isValidName(name) else {
        throw call.argumentError(1, "metric name like 'evacuation.t90_s' expected, got '\(name)'")
      }
      self.metrics.record(name, try call.checkNumber(2), at: self.simulator.now)
      return 0
    }
    bind("param") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.declareParameter(call)
    }
    bind("objective") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.declareObjective(call)
    }
    bind("scenario") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.declareHeader(call)
    }
    bind("sim.inject", as: "inject") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.declareInject(call)
    }
    bindWaits { name, key, body in bind(name, as: key, body) }
    bindStreams(bind)
    bindResources(bind)
    bindMap { name, key, body in bind(name, as: key, body) }
    bindFlood { name, key, body in bind(name, as: key, body) }
    bindBreach { name, key, body in bind(name, as: key, body) }
    bindFire { name, key, body in bind(name, as: key, body) }
    bindStructureFire { name, key, body in bind(name, as: key, body) }
    bindOutages { name, key, body in bind(name, as: key, body) }
    bindFloodCoupling { name, key, body in bind(name, as: key, body) }
    bindFloodEdges { name, key, body in bind(name, as: key, body) }
    bindFloodScheme { name, key, body in bind(name, as: key, body) }
    bindFireCoupling { name, key, body in bind(name, as: key, body) }
    bindGround { name, key, body in bind(name, as: key, body) }
    bindEvacuation { name, key, body in bind(name, as: key, body) }
    bindResponse { name, key, body in bind(name, as: key, body) }
    bindSupply { name, key, body in bind(name, as: key, body) }
    bindWarnings { name, key, body in bind(name, as: key, body) }
    bindPopulation { name, key, body in bind(name, as: key, body) }
    // stack: host
  }

  /// Pushes the handle of a process: `handle.pid` and the prelude's
  /// `Process` methods, with nothing allocated (`LuaCall.push(handle:)`).
  func pushHandle(_ pid: Int64, onto call: LuaCall) {
    call.push(handle: pid)
  }

  /// A delay argument in seconds as sim time (millisecond resolution).
  func delay(_ call: LuaCall, _ index: Int32) throws(LuaCallError) -> SimTime {
    let seconds = try call.checkNumber(index)
    guard seconds >= 0, let time = SimTime(seconds: seconds) else {
      throw call.argumentError(index, "finite non-negative number of seconds expected")
    }
    return time
  }

  func eventName(_ call: LuaCall) throws(LuaCallError) -> String {
    let name = try call.checkString(1)
    guard !name.isEmpty else { throw call.argumentError(1, "non-empty event name expected") }
    return name
  }

  /// `sim.emit(name, payload)`: logs the event, starts its handlers as new
  /// processes (in the order they were registered) and wakes its waiters.
  func emit(_ call: LuaCall) throws(LuaCallError) {
    let name = try eventName(call)
    let kind = call.type(at: 2)
    guard kind == .nil || kind == .none || kind == .table else {
      throw call.argumentError(2, "table or nil expected, got \(kind.name)")
    }
    var fields: [(key: String, value: Value)] = []
    if kind == .table {
      guard case .object(let object) = try DataConversion.value(call.value(at: 2), at: "payload")
      else { throw call.argumentError(2, "payload must be a table with string keys") }
      fields = object
    }
    sink.record(at: simulator.now, kind: name, fields: fields)
    fireInjects(waitingFor: name)
    call.setTop(2)
    for handler in handlers[name] ?? [] {
      lua.push(handler, onto: call)
      call.pushCopy(of: 2)
      _ = spawn(from: call, function: -2, arguments: 1, after: .zero)
      call.pop(2)
    }
    for pid in eventWaiters.removeValue(forKey: name) ?? [] {
      guard let i = processes.index(of: pid), let thread = processes.slots[i].thread else {
        continue
      }
      lua.copy(from: call, at: 2, count: 1, to: thread)
      processes.slots[i].resumeArguments = 1
      wake(pid)
    }
  }

  func bindStreams(_ bind: (StaticString, @escaping LuaState.Function) -> Void) {
    bind("rng") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(integer: Int64(self.streams.index(of: try call.checkString(1))))
      return 1
    }
    func draw(
      _ name: StaticString, _ arity: Int32,
      _ body: @escaping (inout RandomStream, Double, Double) throws(LuaCallError) -> Double
    ) {
      bind(name) { [unowned(unsafe) self] call throws(LuaCallError) in
        let id = Int(call.integer(in: 1, at: 1) ?? -1)
        guard id >= 0, id < self.streams.count else {
          throw LuaCallError("calling '\(name)' on something that is not a sim.rng stream")
        }
        let a = arity >= 1 ? try call.checkNumber(2) : 0
        let b = arity >= 2 ? try call.checkNumber(3) : 0
        let x = try self.streams.draw(from: id) { stream throws(LuaCallError) in
          try body(&stream, a, b)
        }
        call.push(number: x)
        return 1
      }
    }
    draw("uniform", 2) { s, a, b in s.uniform(a, b) }
    // The draw of every arrival and service time: bound directly, without
    // `draw`'s stored closure, so the sampler inlines into the call.
    bind("exponential") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = Int(call.integer(in: 1, at: 1) ?? -1)
      guard id >= 0, id < self.streams.count else {
        throw LuaCallError("calling 'exponential' on something that is not a sim.rng stream")
      }
      let mean = try call.checkNumber(2)
      guard mean > 0 else { throw LuaCallError("exponential: mean must be positive") }
      call.push(number: self.streams.draw(from: id) { $0.exponential(mean: mean) })
      return 1
    }
    draw("normal", 2) { s, mu, sigma throws(LuaCallError) in
      guard sigma >= 0 else { throw LuaCallError("normal: sigma must be non-negative") }
      return s.normal(mu, sigma)
    }
    draw("lognormal", 2) { s, mu, sigma throws(LuaCallError) in
      guard sigma >= 0 else { throw LuaCallError("lognormal: sigma must be non-negative") }
      return s.lognormal(mu, sigma)
    }
    draw("weibull", 2) { s, scale, shape throws(LuaCallError) in
      guard scale > 0, shape > 0 else {
        throw LuaCallError("weibull: scale and shape must be positive")
      }
      return s.weibull(scale: scale, shape: shape)
    }
    draw("gamma", 2) { s, k, theta throws(LuaCallError) in
      guard k > 0, theta > 0 else { throw LuaCallError("gamma: k and theta must be positive") }
      return s.gamma(shape: k, scale: theta)
    }
    bind("integer") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = Int(call.integer(in: 1, at: 1) ?? -1)
      guard id >= 0, id < self.streams.count else {
        throw LuaCallError("calling 'integer' on something that is not a sim.rng stream")
      }
      let a = try call.checkInteger(2)
      let b = try call.checkInteger(3)
      guard a <= b else { throw call.argumentError(3, "empty range \(a)..\(b)") }
      call.push(integer: self.streams.draw(from: id) { $0.integer(a, b) })
      return 1
    }
  }
}
