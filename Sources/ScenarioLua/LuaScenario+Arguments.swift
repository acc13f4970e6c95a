import LuaHost
import Scenario

/// Reading option tables of the response and supply calls.
extension LuaScenario {
  /// Field `key` of the table at 1 as a string; nil when absent and not
  /// `required`.
  func stringField(_ call: LuaCall, _ key: String, required: Bool = false)
    throws(LuaCallError) -> String?
  {
    let type = call.field(1, key) { call.type(at: $0) }
    if type == .nil || type == .none {
      guard !required else { throw call.argumentError(1, "field '\(key)' (string) expected") }
      return nil
    }
    guard type == .string, let value = call.field(1, key, { call.string(at: $0) }) else {
      throw call.argumentError(1, "field '\(key)' must be a string, got \(type.name)")
    }
    return value
  }

  /// Field `key` of the table at 1 as a list of strings, nil when absent.
  func stringListField(_ call: LuaCall, _ key: String) throws(LuaCallError) -> [String]? {
    let value = call.field(1, key) { call.value(at: $0) }
    if value == .nil { return nil }
    guard let items = value.arrayElements else {
      throw call.argumentError(1, "field '\(key)' must be a list of strings")
    }
    var result: [String] = []
    for item in items {
      guard case .string(let text) = item else {
        throw call.argumentError(1, "field '\(key)' must be a list of strings")
      }
      result.append(text)
    }
    return result
  }

  /// The node of a place id (node, zone or facility) on the map.
  func placeNode(_ call: LuaCall, _ place: String) throws(LuaCallError) -> Int {
    do {
      return try requireMap().node(of: place)
    } catch let error as ScenarioError {
      throw LuaCallError("\(call.name): \(error.message)")
    } catch let error as LuaCallError {
      throw error
    } catch {
      throw LuaCallError("\(call.name): \(error)")
    }
  }

  /// An id argument: a string, or a table with a string `id` (a payload).
  func idArgument(_ call: LuaCall, _ index: Int32, _ what: String) throws(LuaCallError) -> String {
    if call.type(at: index) == .table,
      let id = call.field(index, "id", { call.string(at: $0) })
    {
      return id
    }
    guard call.type(at: index) == .string, let id = call.string(at: index) else {
      throw call.argumentError(index, "\(what) id expected, got \(call.describe(index))")
    }
    return id
  }
}

extension LuaScenario {
  /// Runs a model call, turning its refusal into a Lua error at the
  /// caller's line, prefixed with the API function's name.
  @discardableResult
  func modelCall<T>(_ call: LuaCall, _ body: () throws -> T) throws(LuaCallError) -> T {
    do {
      return try body()
    } catch let error as LuaCallError {
      throw error
    } catch let error as ScenarioError {
      throw LuaCallError("\(call.name): \(error.message)")
    } catch {
      throw LuaCallError("\(call.name): \(error)")
    }
  }
}
