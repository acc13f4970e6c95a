import LuaHost
import Scenario

/// Converts Lua values into the script-free `Value` the outputs use.
///
/// Tables with keys 1...n become arrays, tables with string keys objects;
/// anything else (functions, mixed keys) is refused with the path to the
/// offending field, because an output that silently drops data is worse
/// than an error.
enum DataConversion {
  static func value(_ lua: LuaValue, at path: String) throws(LuaCallError) -> Value {
    switch lua {
    case .nil: return .null
    case .boolean(let b): return .bool(b)
    case .integer(let i): return .integer(i)
    case .number(let d):
      guard d.isFinite else {
        throw LuaCallError("\(path) is \(d); only finite numbers can be recorded")
      }
      return .number(d)
    case .string(let s): return .string(s)
    case .opaque(let type):
      throw LuaCallError("\(path) is a \(type); events carry numbers, strings, booleans and tables")
    case .table(let entries):
      if entries.isEmpty { return .object([]) }
      if let elements = lua.arrayElements {
        var array: [Value] = []
        for (n, element) in elements.enumerated() {
          array.append(try value(element, at: "\(path)[\(n + 1)]"))
        }
        return .array(array)
      }
      var object: [(key: String, value: Value)] = []
      for entry in entries {
        guard case .string(let key) = entry.key else {
          throw LuaCallError("\(path) mixes non-string keys with named fields")
        }
        object.append((key, try value(entry.value, at: "\(path).\(key)")))
      }
      return .object(object)
    }
  }
}
