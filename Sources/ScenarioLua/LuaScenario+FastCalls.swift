import LuaHost
import SimKernel

/// The fast host calls (see `LuaFastCall`): the common case of the host
/// functions every customer of a queueing model calls, answered with plain
/// numbers. Each does what its general function does in that case and
/// leaves everything else (errors included) to it: `.general` is returned
/// before anything changes.
extension LuaScenario: LuaFastHost {
  /// The host-table keys bound as fast calls.
  static let fastOperations: [String: LuaFastCall.Operation] = [
    "now": .now, "wait": .wait, "request": .request, "release": .release,
    "exponential": .exponential, "process": .process,
  ]

  public func fastCall(_ call: LuaFastCall) -> LuaFastOutcome {
    switch call.operation {
    case .now:
      return .value(simulator.now.seconds)
    case .wait:
      let pid = processes.current
      guard call.inProcess, call.number >= 0, let dt = SimTime(seconds: call.number),
        let i = processes.index(of: pid)
      else { return .general }
      processes.slots[i].state = .scheduled
      simulator.schedule(resumeHandler, at: simulator.now + dt, payload: pid)
      return .wait
    case .request:
      return fastRequest(call)
    case .release:
      let id = Int(call.handle)
      guard id >= 0, id < unretainedResources.count,
        unretainedResources[id]._withUnsafeGuaranteedRef({ $0.inUse > 0 })
      else { return .general }
      release(id)
      return .done
    case .exponential:
      let id = Int(call.handle)
      let mean = call.number
      guard id >= 0, id < streams.count, mean.isFinite, mean > 0 else { return .general }
      return .value(streams.draw(from: id) { $0.exponential(mean: mean) })
    case .process:
      let pid = spawn(from: call.stack, function: 1, arguments: 0, after: .zero)
      pushHandle(pid, onto: call.stack)
      return .pushed(1)
    }
  }

  /// `resource:request()` without a priority: a free unit now, or the
  /// process queued under its id.
  func fastRequest(_ call: LuaFastCall) -> LuaFastOutcome {
    let id = Int(call.handle)
    guard id >= 0, id < unretainedResources.count else { return .general }
    let now = simulator.now
    let pid = processes.current
    if acquire(id, at: now) { return .done }
    guard call.inProcess, let i = processes.index(of: pid) else { return .general }
    processes.slots[i].state = .waiting
    unretainedResources[id]._withUnsafeGuaranteedRef {
      $0.enqueue(priority: 0, at: now, token: pid)
    }
    return .wait
  }

  /// Takes a free unit of resource `id` for the running process, booked
  /// among the units it holds; false when none is free.
  func acquire(_ id: Int, at now: SimTime) -> Bool {
    guard unretainedResources[id]._withUnsafeGuaranteedRef({ $0.tryAcquire(at: now) }) else {
      return false
    }
    if let i = processes.index(of: processes.current) { processes.slots[i].hold(id) }
    return true
  }

  /// Gives back a unit of resource `id`, unbooked from the running process.
  func release(_ id: Int) {
    if let i = processes.index(of: processes.current) { processes.slots[i].unhold(id) }
    let now = simulator.now
    unretainedResources[id]._withUnsafeGuaranteedRef { $0.release(at: now) }
  }

  /// Hands a unit of resource `id` to waiting process `pid`; false if it is
  /// gone (the unit then goes to the next waiter).
  func grant(_ id: Int, to pid: Int64) -> Bool {
    guard wake(pid), let i = processes.index(of: pid) else { return false }
    processes.slots[i].hold(id)
    return true
  }
}
