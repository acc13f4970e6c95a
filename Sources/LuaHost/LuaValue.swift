import CLua

/// A Lua value copied out of a state: plain data the host can keep.
///
/// Tables keep their entries in a fixed order (numbers, then strings, then
/// booleans, each ascending), never Lua's hash order, so whatever the host
/// writes from them is the same in every process.
public indirect enum LuaValue: Equatable, Sendable {
  case `nil`
  case boolean(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case table([LuaTableEntry])
  /// A function, thread or userdata: only its type name is kept.
  case opaque(String)

  /// The entries 1...n when the table is a sequence, else nil.
  public var arrayElements: [LuaValue]? {
    guard case .table(let entries) = self else { return nil }
    for (offset, entry) in entries.enumerated() {
      guard case .integer(let k) = entry.key, k == offset + 1 else { return nil }
    }
    return entries.map(\.value)
  }
}

/// One key/value pair of a copied table.
public struct LuaTableEntry: Equatable, Sendable {
  public let key: LuaValue
  public let value: LuaValue

  public init(key: LuaValue, value: LuaValue) {
    self.key = key
    self.value = value
  }
}

extension LuaCall {
  /// Copies the value at `index` (tables deeply, up to `depth` levels).
  public func value(at index: Int32, depth: Int = 32) -> LuaValue {
    switch type(at: index) {
    case .none, .nil: return .nil
    case .boolean: return .boolean(boolean(at: index))
    case .number:
      if clua_isinteger(pointer, index) != 0 {
        return .integer(Int64(clua_tointeger(pointer, index)))
      }
      return .number(clua_tonumber(pointer, index))
    case .string: return .string(string(at: index) ?? "")
    case .table:
      guard depth > 0 else { return .opaque("table") }
      return .table(entries(of: index, depth: depth - 1))
    case let other: return .opaque(other.name)
    }
  }

  func entries(of index: Int32, depth: Int) -> [LuaTableEntry] {
    let absolute = lua_absindex(pointer, index)
    var entries: [LuaTableEntry] = []
    lua_pushnil(pointer)
    while lua_next(pointer, absolute) != 0 {
      // stack: ..., key, value
      let value = value(at: -1, depth: depth)
      clua_pop(pointer, 1)
      entries.append(LuaTableEntry(key: self.value(at: -1, depth: 0), value: value))
    }
    return entries.sorted { LuaValue.keyOrder($0.key, $1.key) }
  }

  /// Pushes a copied value back (opaque values become nil).
  public func push(_ value: LuaValue) {
    switch value {
    case .nil, .opaque: pushNil()
    case .boolean(let b): push(boolean: b)
    case .integer(let i): push(integer: i)
    case .number(let d): push(number: d)
    case .string(let s): push(string: s)
    case .table(let entries):
      lua_createtable(pointer, 0, Int32(entries.count))
      for entry in entries {
        push(entry.key)
        push(entry.value)
        lua_rawset(pointer, -3)
      }
    }
  }
}

extension LuaValue {
  /// The deterministic key order: numbers < strings < booleans < others.
  public static func keyOrder(_ a: LuaValue, _ b: LuaValue) -> Bool {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x < y
    case (.integer(let x), .number(let y)): return Double(x) < y
    case (.number(let x), .integer(let y)): return x < Double(y)
    case (.number(let x), .number(let y)): return x < y
    case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(y.utf8)
    case (.boolean(let x), .boolean(let y)): return !x && y
    default: return a.rank < b.rank
    }
  }

  var rank: Int {
    switch self {
    case .integer, .number: return 0
    case .string: return 1
    case .boolean: return 2
    default: return 3
    }
  }
}
