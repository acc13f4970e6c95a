import LuaHost
import Scenario
import SimKernel

/// `sim.resource`, `sim.container` and `sim.store`, over the kernel's
/// generic resources. An operation that cannot be served now queues its
/// process and yields it (see `LuaCall.yield`); the queue wakes it.
extension LuaScenario {
  func bindResources(_ bind: (StaticString, @escaping LuaState.Function) -> Void) {
    bind("resource") { [unowned(unsafe) self] call throws(LuaCallError) in
      let (name, capacity) = try self.resourceSpec(call, "sim.resource")
      guard let units = Int(exactly: capacity), units >= 1 else {
        throw call.argumentError(1, "capacity must be a whole number >= 1")
      }
      let resource = Resource(name: name, capacity: units, at: self.simulator.now)
      let id = self.resources.count
      // Waiters are process ids: queueing one allocates nothing, and a
      // grant borrows the scenario without reference counting.
      let unretained = Unmanaged.passUnretained(self)
      resource.grantToken = { pid in
        unretained._withUnsafeGuaranteedRef { $0.grant(id, to: pid) }
      }
      self.resources.append(resource)
      self.unretainedResources.append(Unmanaged.passUnretained(resource))
      call.push(integer: Int64(self.resources.count - 1))
      return 1
    }
    bind("request") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.resourceID(call)
      let priority = call.isNil(at: 2) ? 0 : Int(try call.checkInteger(2))
      let now = self.simulator.now
      let resource = self.resources[id]
      if self.acquire(id, at: now) { return 0 }
      let (i, pid) = try self.waitingProcess(call, "resource:request")
      self.processes.slots[i].state = .waiting
      resource.enqueue(priority: priority, at: now, token: pid)
      return call.yield()
    }
    bind("release") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.resourceID(call)
      let resource = self.resources[id]
      guard resource.inUse > 0 else {
        throw LuaCallError("release of '\(resource.name)' without a unit in use")
      }
      self.release(id)
      return 0
    }
    bind("in_use") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(integer: Int64(self.resources[try self.resourceID(call)].inUse))
      return 1
    }
    bind("queue_length") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(number: self.resources[try self.resourceID(call)].queueLength.current)
      return 1
    }
    bind("container") { [unowned(unsafe) self] call throws(LuaCallError) in
      let (name, capacity) = try self.resourceSpec(call, "sim.container")
      let level = call.field(1, "level") { call.number(at: $0) } ?? 0
      guard level >= 0, level <= capacity else {
        throw call.argumentError(1, "level must lie between 0 and the capacity")
      }
      self.containers.append(
        Container(name: name, capacity: capacity, level: level, at: self.simulator.now))
      call.push(integer: Int64(self.containers.count - 1))
      return 1
    }
    bind("container_put") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.handle(call, self.containers.count)
      let amount = try self.amount(call, limit: self.containers[id].capacity)
      let now = self.simulator.now
      if self.containers[id].tryPut(amount, at: now) { return 0 }
      let (i, pid) = try self.waitingProcess(call, "container:put")
      self.processes.slots[i].state = .waiting
      self.containers[id].enqueuePut(amount, at: now) { [unowned(unsafe) self] in
        self.wake(pid)
      }
      return call.yield()
    }
    bind("container_get") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.handle(call, self.containers.count)
      let amount = try self.amount(call, limit: self.containers[id].capacity)
      let now = self.simulator.now
      if self.containers[id].tryGet(amount, at: now) { return 0 }
      let (i, pid) = try self.waitingProcess(call, "container:get")
      self.processes.slots[i].state = .waiting
      self.containers[id].enqueueGet(amount, at: now) { [unowned(unsafe) self] in
        self.wake(pid)
      }
      return call.yield()
    }
    bind("container_level") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(number: self.containers[try self.handle(call, self.containers.count)].level)
      return 1
    }
    bind("store") { [unowned(unsafe) self] call throws(LuaCallError) in
      try call.checkType(1, .table)
      let name = try self.requiredName(call, "sim.store")
      let capacity = call.field(1, "capacity") { call.integer(at: $0) } ?? Int64(Int32.max)
      guard capacity >= 1 else { throw call.argumentError(1, "capacity must be >= 1") }
      self.stores.append(Store(name: name, capacity: Int(capacity), at: self.simulator.now))
      call.push(integer: Int64(self.stores.count - 1))
      return 1
    }
    bind("store_put") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.handle(call, self.stores.count)
      guard !call.isNil(at: 2) else { throw call.argumentError(1, "item expected, got nil") }
      let item = self.lua.ref(from: call, at: 2)
      let stored = self.stores[id].tryPut(item, at: self.simulator.now)
      do throws(LuaCallError) {
        try self.rethrowFailure()
        if stored { return 0 }
        let (i, pid) = try self.waitingProcess(call, "store:put")
        self.processes.slots[i].state = .waiting
        self.stores[id].enqueuePut(item) { [unowned(unsafe) self] in
          if self.wake(pid) { return true }
          self.lua.release(item)
          return false
        }
        return call.yield()
      } catch {
        if !stored { self.lua.release(item) }
        throw error
      }
    }
    bind("store_get") { [unowned(unsafe) self] call throws(LuaCallError) in
      let id = try self.handle(call, self.stores.count)
      let hasFilter = call.type(at: 2) == .function
      guard hasFilter || call.isNil(at: 2) else {
        throw call.argumentError(1, "filter function or nil expected")
      }
      let filter = hasFilter ? self.lua.ref(from: call, at: 2) : nil
      let now = self.simulator.now
      let item = self.stores[id].tryGet(at: now) { item in
        self.accepts(filter, item, on: self.lua.stack)
      }
      do throws(LuaCallError) {
        try self.rethrowFailure()
        if let item {
          if let filter { self.lua.release(filter) }
          self.lua.push(item, onto: call)
          self.lua.release(item)
          return 1
        }
        let (i, pid) = try self.waitingProcess(call, "store:get")
        self.processes.slots[i].state = .waiting
        self.stores[id].enqueueGet(
          at: now,
          accepts: { [unowned(unsafe) self] item in
            self.accepts(filter, item, on: self.lua.stack)
          },
          done: { [unowned(unsafe) self] item in
            if let filter { self.lua.release(filter) }
            return self.wake(pid, with: item)
          })
        return call.yield()
      } catch {
        if let filter { self.lua.release(filter) }
        throw error
      }
    }
    bind("store_size") { [unowned(unsafe) self] call throws(LuaCallError) in
      call.push(integer: Int64(self.stores[try self.handle(call, self.stores.count)].items.count))
      return 1
    }
  }

  /// Calls a store filter on an item; a failing filter fails the run.
  func accepts(_ filter: LuaRef?, _ item: LuaRef, on stack: LuaCall) -> Bool {
    guard let filter else { return true }
    guard failure == nil else { return false }
    lua.push(filter, onto: stack)
    lua.push(item, onto: stack)
    do {
      try lua.call(on: stack, arguments: 1, results: 1)
    } catch {
      fail(error)
      return false
    }
    defer { stack.pop(1) }
    return stack.boolean(at: -1)
  }

  func rethrowFailure() throws(LuaCallError) {
    if let failure { throw LuaCallError(failure.error.message) }
  }

  /// The id a resource handle keeps at [1] (read without hashing a key);
  /// anything else is a misuse.
  func resourceID(_ call: LuaCall) throws(LuaCallError) -> Int {
    guard let id = call.integer(in: 1, at: 1), id >= 0, id < resources.count else {
      throw LuaCallError("calling '\(call.name)' on something that is not a sim.resource")
    }
    return Int(id)
  }

  /// The id argument the prelude passes; an unknown id is a misuse.
  func handle(_ call: LuaCall, _ count: Int) throws(LuaCallError) -> Int {
    let id = try call.checkInteger(1)
    guard id >= 0, id < count else { throw LuaCallError("'\(call.name)' on an unknown handle") }
    return Int(id)
  }

  func amount(_ call: LuaCall, limit: Double) throws(LuaCallError) -> Double {
    let amount = try call.checkNumber(2)
    guard amount > 0, amount <= limit else {
      throw LuaCallError(
        "bad amount \(amount): it must be positive and at most the capacity \(limit)")
    }
    return amount
  }

  func requiredName(_ call: LuaCall, _ function: String) throws(LuaCallError) -> String {
    guard let name = call.field(1, "name", { call.string(at: $0) }), !name.isEmpty else {
      throw LuaCallError("bad argument #1 to '\(function)' (field 'name' expected)")
    }
    return name
  }

  func resourceSpec(_ call: LuaCall, _ function: String) throws(LuaCallError) -> (String, Double) {
    guard call.type(at: 1) == .table else {
      throw LuaCallError(
        "bad argument #1 to '\(function)' (table expected, got \(call.describe(1)))")
    }
    let name = try requiredName(call, function)
    guard let capacity = call.field(1, "capacity", { call.number(at: $0) }), capacity > 0,
      capacity.isFinite
    else {
      throw LuaCallError(
        "bad argument #1 to '\(function)' (field 'capacity' must be a positive number)")
    }
    return (name, capacity)
  }
}
