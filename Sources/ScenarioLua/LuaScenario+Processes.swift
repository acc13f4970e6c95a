import LuaHost
import Scenario
import SimKernel

/// Operation codes a process yields to ask the host for something (the
/// prelude's OP_* constants).
enum YieldOperation: Int64 {
  case wait = 1
  case request, containerPut, containerGet, storePut, storeGet, event, join, done
}

extension LuaScenario {
  /// Starts a process after `delay` running the function at `function` of
  /// `stack` with the `arguments` values after it.
  func spawn(from stack: LuaCall, function: Int32, arguments: Int32, after delay: SimTime)
    -> Int64
  {
    let thread: LuaThread
    if let idle = processes.idleThreads.popLast() {
      thread = idle  // parked in the worker loop: (fn, ...) resume it
    } else {
      thread = lua.newThread(on: stack)
      lua.push(worker, onto: thread.stack)
    }
    lua.copy(from: stack, at: function, count: arguments + 1, to: thread)
    let pid = processes.add(thread, arguments: arguments + 1)
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
    case .finished:
      finish(i)
    case .failed(let error):
      fail(error)
    case .yielded(let count):
      if processes.slots[i].cancelRequested {
        thread.stack.pop(count)
        cancel(at: i)
      } else {
        suspend(i, thread: thread, values: count)
      }
    }
  }

  /// Reads what a process yielded and arranges its wake-up.
  func suspend(_ i: Int, thread: LuaThread, values count: Int32) {
    let stack = thread.stack
    let pid = Int64(processes.slots[i].generation) << 32 | Int64(i)
    let now = simulator.now
    var popped = false
    defer { if !popped { stack.pop(count) } }
    processes.slots[i].state = .waiting
    switch YieldOperation(rawValue: stack.integer(at: 1) ?? 0) {
    case .wait:
      processes.slots[i].state = .scheduled
      guard let seconds = stack.number(at: 2), seconds >= 0, let dt = SimTime(seconds: seconds)
      else {
        let problem =
          "bad argument #1 to 'sim.wait' (finite non-negative number of seconds expected,"
          + " got \(stack.number(at: 2).map { String($0) } ?? stack.type(at: 2).name))"
        stack.pop(count)
        popped = true
        stack.push(string: problem)
        processes.slots[i].resumeArguments = 1
        simulator.schedule(resumeHandler, at: now, payload: pid)
        return
      }
      simulator.schedule(resumeHandler, at: now + dt, payload: pid)
    case .request:
      let id = Int(stack.integer(at: 2) ?? 0)
      let priority = Int(stack.integer(at: 3) ?? 0)
      resources[id].enqueue(priority: priority, at: now) { [unowned(unsafe) self] in
        guard self.wake(pid), let j = self.processes.index(of: pid) else { return false }
        self.processes.slots[j].held.append(id)
        return true
      }
    case .containerPut:
      let id = Int(stack.integer(at: 2) ?? 0)
      containers[id].enqueuePut(stack.number(at: 3) ?? 0, at: now) { [unowned(unsafe) self] in
        self.wake(pid)
      }
    case .containerGet:
      let id = Int(stack.integer(at: 2) ?? 0)
      containers[id].enqueueGet(stack.number(at: 3) ?? 0, at: now) { [unowned(unsafe) self] in
        self.wake(pid)
      }
    case .storePut:
      let id = Int(stack.integer(at: 2) ?? 0)
      let item = lua.ref(from: stack, at: 3)
      stores[id].enqueuePut(item) { [unowned(unsafe) self] in
        if self.wake(pid) { return true }
        self.lua.release(item)
        return false
      }
    case .storeGet:
      let id = Int(stack.integer(at: 2) ?? 0)
      let filter = stack.type(at: 3) == .function ? lua.ref(from: stack, at: 3) : nil
      stores[id].enqueueGet(
        at: now,
        accepts: { [unowned(unsafe) self] item in self.accepts(filter, item, on: self.lua.stack) },
        done: { [unowned(unsafe) self] item in
          if let filter { self.lua.release(filter) }
          return self.wake(pid, with: item)
        })
    case .event:
      eventWaiters[stack.string(at: 2) ?? "", default: []].append(pid)
    case .join:
      let target = stack.integer(at: 2) ?? 0
      if let t = processes.index(of: target) {
        processes.slots[t].joiners.append(pid)
      } else {
        _ = wake(pid)
      }
    case .done:
      retire(i)
    case nil:
      fail(LuaError(kind: .runtime, message: "a process yielded outside the sim API"))
    }
  }

  /// Ends process `i`: closes its coroutine and wakes those joining it.
  func finish(_ i: Int) {
    let (thread, joiners) = processes.remove(at: i)
    if let thread { lua.close(thread) }
    for joiner in joiners { wake(joiner) }
  }

  /// Ends process `i` whose body returned: its coroutine waits in the
  /// worker loop, so it is parked for the next process.
  func retire(_ i: Int) {
    let (thread, joiners) = processes.remove(at: i)
    if let thread {
      if processes.idleThreads.count < ProcessTable.maxIdleThreads {
        processes.idleThreads.append(thread)
      } else {
        lua.close(thread)
      }
    }
    for joiner in joiners { wake(joiner) }
  }

  /// Cancels process `i`, returning the units it holds.
  func cancel(at i: Int) {
    // A unit handed to another process and released there is not released
    // twice: only units still in use go back.
    for id in processes.slots[i].held where resources[id].inUse > 0 {
      resources[id].release(at: simulator.now)
    }
    finish(i)
  }

  /// Ends the run with a script error at the current sim time.
  func fail(_ error: LuaError) {
    if failure == nil { failure = RunFailure(error: error, at: simulator.now) }
    simulator.stop()
  }
}
