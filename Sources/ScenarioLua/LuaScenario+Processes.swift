import LuaHost
import Scenario
import SimKernel

extension LuaScenario {
  /// Starts a process after `delay` running the function at `function` of
  /// `stack` with the `arguments` values after it.
  func spawn(from stack: LuaCall, function: Int32, arguments: Int32, after delay: SimTime)
    -> Int64
  {
    // A coroutine whose last body returned (or was reset) is empty and at
    // its base call, as a new one is: it takes this body as its own.
    let thread = processes.idleThreads.popLast() ?? lua.newThread(on: stack)
    lua.copy(from: stack, at: function, count: arguments + 1, to: thread)
    let pid = processes.add(thread, arguments: arguments)
    simulator.schedule(resumeHandler, at: simulator.now + delay, payload: pid)
    return pid
  }

  /// Moves a waiting process to the ready queue; false if it is gone.
  @discardableResult
  func wake(_ pid: Int64) -> Bool {
    guard let i = processes.index(of: pid), processes.slots[i].state == .waiting else {
      return false
    }
    processes.slots[i].state = .scheduled
    simulator.schedule(resumeHandler, at: simulator.now, payload: pid)
    return true
  }

  /// Wakes a waiting process with a registry value as the resume result.
  func wake(_ pid: Int64, with value: LuaRef) -> Bool {
    guard let i = processes.index(of: pid), processes.slots[i].state == .waiting,
      let thread = processes.slots[i].thread
    else { return false }
    lua.push(value, onto: thread.stack)
    lua.release(value)
    processes.slots[i].resumeArguments = 1
    return wake(pid)
  }

  /// The kernel handler: resumes process `pid` if it is still expected.
  func resume(_ pid: Int64) {
    guard failure == nil, let i = processes.index(of: pid),
      processes.slots[i].state == .scheduled, let thread = processes.slots[i].thread
    else { return }
    processes.slots[i].state = .running
    resumptions &+= 1
    if resumptions & 0xffff == 0, let progress = options.progress {
      progress(simulator.now, simulator.eventsProcessed)
    }
    let arguments = processes.slots[i].resumeArguments
    processes.slots[i].resumeArguments = 0
    processes.current = pid
    let outcome = lua.resume(thread, arguments: arguments)
    processes.current = 0
    switch outcome {
    case .yielded(let count):
      // A fast call's wait yields nothing: no call into Lua to pop it.
      if count > 0 { thread.stack.pop(count) }
      if processes.slots[i].cancelRequested {
        cancel(at: i)
      } else if processes.slots[i].state == .running {
        // Every host function that waits marks its process before it
        // yields, and scripts cannot reach coroutine.yield.
        fail(LuaError(kind: .host, message: "a process yielded without waiting for anything"))
      }
    case .finished:
      finish(i)
    case .failed(let failure):
      fail(lua.takeError(failure))
    }
  }

  /// The slot and id of the process making `call`, which is about to wait;
  /// an error naming `what` if the call does not come from a process.
  func waitingProcess(_ call: LuaCall, _ what: StaticString) throws(LuaCallError) -> (
    slot: Int, pid: Int64
  ) {
    let pid = processes.current
    guard let i = processes.index(of: pid) else {
      throw LuaCallError(
        "\(what) can only be called inside a process"
          + " (started by sim.process, sim.on, sim.at, sim.after or sim.every)")
    }
    // In a process, but under a C function: a yield cannot cross its frame.
    guard call.isYieldable else {
      throw LuaCallError(
        "\(what) cannot pause here: it was called from a function that C code calls"
          + " (a table.sort comparator, a string.gsub callback or a metamethod);"
          + " wait before or after that call")
    }
    return (i, pid)
  }

  /// Ends process `i` whose body returned: its coroutine, empty and at its
  /// base call, is parked for the next process; those joining it wake.
  func finish(_ i: Int) {
    if let thread = processes.remove(at: i) { park(thread) }
    wakeJoiners(of: i)
  }

  /// Keeps an idle coroutine for the next process (creating and collecting
  /// one per process costs more than a short process itself).
  func park(_ thread: LuaThread) {
    if processes.idleThreads.count < ProcessTable.maxIdleThreads {
      processes.idleThreads.append(thread)
    } else {
      lua.close(thread)
    }
  }

  /// Wakes the processes joining the one that was in slot `i`.
  func wakeJoiners(of i: Int) {
    guard !processes.slots[i].joiners.isEmpty else { return }
    let joiners = processes.slots[i].joiners
    processes.slots[i].joiners.removeAll(keepingCapacity: true)
    for joiner in joiners { wake(joiner) }
  }

  /// Cancels process `i`, returning the units it holds.
  func cancel(at i: Int) {
    // A unit handed to another process and released there is not released
    // twice: only units still in use go back.
    for id in processes.slots[i].held where resources[id].inUse > 0 {
      resources[id].release(at: simulator.now)
    }
    // Its coroutine is suspended (or not started): closing its pending
    // to-be-closed variables readies it for another process.
    if let thread = processes.remove(at: i), lua.reset(thread) { park(thread) }
    wakeJoiners(of: i)
  }

  /// Ends the run with a script error at the current sim time.
  func fail(_ error: LuaError) {
    if failure == nil { failure = RunFailure(error: error, at: simulator.now) }
    simulator.stop()
  }
}

extension LuaScenario {
  /// The host functions that may suspend their process.
  ///
  /// Each arranges the wake-up, then returns `call.yield()`, and the bridge
  /// yields once the Swift frames are gone. A resume's values become the
  /// call's results.
  func bindWaits(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.wait", "wait") { [unowned(unsafe) self] call throws(LuaCallError) in
      let (i, pid) = try self.waitingProcess(call, "sim.wait")
      guard let seconds = call.number(at: 1), seconds >= 0, let dt = SimTime(seconds: seconds)
      else {
        throw call.argumentError(
          1,
          "finite non-negative number of seconds expected, got "
            + (call.number(at: 1).map { String($0) } ?? call.describe(1)))
      }
      self.processes.slots[i].state = .scheduled
      self.simulator.schedule(self.resumeHandler, at: self.simulator.now + dt, payload: pid)
      return call.yield()
    }
    bind("sim.wait_for", "wait_for") { [unowned(unsafe) self] call throws(LuaCallError) in
      guard call.type(at: 1) == .string, let name = call.string(at: 1) else {
        throw call.argumentError(1, "event name expected, got \(call.describe(1))")
      }
      let (i, pid) = try self.waitingProcess(call, "sim.wait_for")
      self.processes.slots[i].state = .waiting
      self.eventWaiters[name, default: []].append(pid)
      return call.yield()
    }
    bind("process:join", "join") { [unowned(unsafe) self] call throws(LuaCallError) in
      let target = try call.checkInteger(1)
      let (i, pid) = try self.waitingProcess(call, "process:join")
      guard let t = self.processes.index(of: target) else { return 0 }
      self.processes.slots[i].state = .waiting
      self.processes.slots[t].joiners.append(pid)
      return call.yield()
    }
  }
}
