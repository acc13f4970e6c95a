import LuaHost
import Scenario

/// Reading the option tables of `sim.flood` and `sim.fire` calls.
///
/// Hazard calls take one table of named fields; a misspelt field would
/// otherwise be ignored silently and a planner would wonder why the rain
/// never came, so unknown fields are refused like wrong types.
extension LuaScenario {
  /// Checks that argument 1 is a table with only `known` fields.
  func optionTable(_ call: LuaCall, known: [String]) throws(LuaCallError) {
    guard call.type(at: 1) == .table else {
      throw call.argumentError(1, "table expected, got \(call.describe(1))")
    }
    for key in call.stringKeys(1) where !known.contains(key) {
      throw call.argumentError(
        1, "unknown field '\(key)' (known: \(known.joined(separator: ", ")))")
    }
  }

  /// Field `key` of the table at 1 as a finite number; nil when absent and
  /// not `required`.
  func numberField(_ call: LuaCall, _ key: String, required: Bool = true)
    throws(LuaCallError) -> Double?
  {
    let type = call.field(1, key) { call.type(at: $0) }
    if type == .nil || type == .none {
      guard !required else { throw call.argumentError(1, "field '\(key)' (number) expected") }
      return nil
    }
    guard type == .number, let value = call.field(1, key, { call.number(at: $0) }),
      value.isFinite
    else {
      throw call.argumentError(1, "field '\(key)' must be a finite number, got \(type.name)")
    }
    return value
  }

  /// A required number field.
  func number(_ call: LuaCall, _ key: String) throws(LuaCallError) -> Double {
    guard let value = try numberField(call, key) else {
      throw call.argumentError(1, "field '\(key)' (number) expected")
    }
    return value
  }

  /// Turns a model's refusal into a Lua error at the caller's line.
  func hazardError(_ call: LuaCall, _ error: any Error) -> LuaCallError {
    let message = (error as? ScenarioError)?.message ?? "\(error)"
    return LuaCallError("\(call.name): \(message)")
  }

  /// Starts a `name` event from the host (not from a script's `sim.emit`):
  /// logs it, starts its `sim.on` handlers and wakes its waiters, exactly
  /// as `sim.emit` does.
  func emitFromHost(_ name: String, _ fields: [(String, LuaValue)], on stack: LuaCall) {
    let top = stack.count
    defer { stack.setTop(top) }
    var logged: [(key: String, value: Value)] = []
    for (key, value) in fields {
      switch value {
      case .string(let s): logged.append((key, .string(s)))
      case .number(let d): logged.append((key, .number(d)))
      case .integer(let i): logged.append((key, .integer(i)))
      case .boolean(let b): logged.append((key, .bool(b)))
      default: continue
      }
    }
    sink.record(at: simulator.now, kind: name, fields: logged)
    coupleHostEvent(name)
    fireInjects(waitingFor: name)
    stack.push(.table(LuaScenario.entries(fields)))
    let payload = stack.count
    for handler in handlers[name] ?? [] {
      lua.push(handler, onto: stack)
      stack.pushCopy(of: payload)
      _ = spawn(from: stack, function: -2, arguments: 1, after: .zero)
      stack.pop(2)
    }
    for pid in eventWaiters.removeValue(forKey: name) ?? [] {
      guard let i = processes.index(of: pid), let thread = processes.slots[i].thread else {
        continue
      }
      lua.copy(from: stack, at: payload, count: 1, to: thread)
      processes.slots[i].resumeArguments = 1
      wake(pid)
    }
  }
}
