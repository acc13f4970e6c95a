import CLua
import CLuaBridge

/// A view of one Lua thread's stack: the arguments of a call into Swift,
/// the values a coroutine yielded, or the main stack between calls.
///
/// Argument checks throw `LuaCallError` with Lua's own wording
/// ("bad argument #1 to 'sim.wait' (number expected, got string)"), the
/// lauxlib convention every Lua programmer knows. Reads use raw access, so
/// no metamethod can run (and raise) inside a Swift frame.
public struct LuaCall {
  let pointer: OpaquePointer
  /// The Lua-visible name of the function being called.
  public let name: StaticString

  init(_ pointer: OpaquePointer, name: StaticString) {
    self.pointer = pointer
    self.name = name
  }

  /// Number of values on the stack (arguments, in a call).
  public var count: Int32 { lua_gettop(pointer) }

  public func type(at index: Int32) -> LuaType {
    LuaType(rawValue: lua_type(pointer, index)) ?? .none
  }

  public func isNil(at index: Int32) -> Bool { lua_type(pointer, index) <= LUA_TNIL }

  // MARK: - Unchecked reads

  public func string(at index: Int32) -> String? {
    guard lua_type(pointer, index) == LUA_TSTRING || lua_type(pointer, index) == LUA_TNUMBER else {
      return nil
    }
    var length = 0
    guard let chars = clua_tolstring(pointer, index, &length) else { return nil }
    return chars.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }

  public func number(at index: Int32) -> Double? {
    lua_type(pointer, index) == LUA_TNUMBER ? clua_tonumber(pointer, index) : nil
  }

  public func integer(at index: Int32) -> Int64? {
    guard lua_type(pointer, index) == LUA_TNUMBER else { return nil }
    if clua_isinteger(pointer, index) != 0 { return Int64(clua_tointeger(pointer, index)) }
    let value = clua_tonumber(pointer, index)
    guard value.rounded() == value, abs(value) < 9.2e18 else { return nil }
    return Int64(value)
  }

  public func boolean(at index: Int32) -> Bool { lua_toboolean(pointer, index) != 0 }

  // MARK: - Checked arguments

  /// A number argument, or an error naming the argument.
  public func checkNumber(_ index: Int32, _ what: String = "number") throws(LuaCallError)
    -> Double
  {
    guard let value = number(at: index), value.isFinite else {
      throw argumentError(index, "\(what) expected, got \(describe(index))")
    }
    return value
  }

  public func optionalNumber(_ index: Int32) throws(LuaCallError) -> Double? {
    isNil(at: index) ? nil : try checkNumber(index)
  }

  public func checkInteger(_ index: Int32) throws(LuaCallError) -> Int64 {
    guard let value = integer(at: index) else {
      throw argumentError(index, "integer expected, got \(describe(index))")
    }
    return value
  }

  public func checkString(_ index: Int32) throws(LuaCallError) -> String {
    guard lua_type(pointer, index) == LUA_TSTRING, let value = string(at: index) else {
      throw argumentError(index, "string expected, got \(describe(index))")
    }
    return value
  }

  public func checkType(_ index: Int32, _ expected: LuaType) throws(LuaCallError) {
    guard type(at: index) == expected else {
      throw argumentError(index, "\(expected.name) expected, got \(describe(index))")
    }
  }

  /// "bad argument #n to 'name' (problem)".
  public func argumentError(_ index: Int32, _ problem: String) -> LuaCallError {
    LuaCallError("bad argument #\(index) to '\(name)' (\(problem))")
  }

  /// The type name Lua would print for the value, "no value" if absent.
  public func describe(_ index: Int32) -> String {
    index > count && index > 0 ? "no value" : type(at: index).name
  }

  // MARK: - Tables

  /// Pushes `table[key]` (raw) and returns its type; the caller pops it.
  @discardableResult
  public func pushField(_ table: Int32, _ key: String) -> LuaType {
    let absolute = lua_absindex(pointer, table)
    lua_pushstring(pointer, key)
    return LuaType(rawValue: lua_rawget(pointer, absolute)) ?? .none
  }

  /// Reads `table[key]` (raw) through `read`, then pops it.
  public func field<T>(_ table: Int32, _ key: String, _ read: (Int32) -> T) -> T {
    pushField(table, key)
    defer { pop(1) }
    return read(-1)
  }

  /// The string keys of a table, sorted (for checking unknown fields).
  public func stringKeys(_ table: Int32) -> [String] {
    let absolute = lua_absindex(pointer, table)
    var keys: [String] = []
    lua_pushnil(pointer)
    while lua_next(pointer, absolute) != 0 {
      clua_pop(pointer, 1)
      let isString = lua_type(pointer, -1) == LUA_TSTRING
      keys.append(isString ? string(at: -1) ?? "?" : "[\(describe(-1))]")
    }
    return keys.sorted()
  }

  public func rawLength(_ index: Int32) -> Int { Int(lua_rawlen(pointer, index)) }

  /// The integer at `table[position]` (raw), nil if it is not one.
  ///
  /// One call into the bridge: handle methods read their id this way on
  /// every call.
  public func integer(in table: Int32, at position: Int64) -> Int64? {
    var value: lua_Integer = 0
    guard clb_table_integer(pointer, table, lua_Integer(position), &value) != 0 else { return nil }
    return Int64(value)
  }

  // MARK: - Waiting

  /// True inside a process: the call may end by yielding.
  public var isYieldable: Bool { lua_isyieldable(pointer) != 0 }

  /// What a host function returns to suspend its coroutine.
  ///
  /// The bridge yields the `values` on top of the stack once the Swift
  /// frames have returned, and the values the host later resumes the
  /// coroutine with become the function's results. The host must have
  /// arranged the wake-up already (and checked `isYieldable`).
  public func yield(_ values: Int32 = 0) -> Int32 { CLB_YIELD_BASE - values }

  // MARK: - Pushing results

  public func push(number: Double) { lua_pushnumber(pointer, number) }
  public func push(integer: Int64) { lua_pushinteger(pointer, lua_Integer(integer)) }
  public func push(boolean: Bool) { lua_pushboolean(pointer, boolean ? 1 : 0) }
  public func pushNil() { lua_pushnil(pointer) }
  /// Pushes a handle, light userdata with `id` as its pointer bits.
  ///
  /// See `LuaState.setHandleMethods`; `id` must not be 0.
  public func push(handle id: Int64) {
    lua_pushlightuserdata(pointer, UnsafeMutableRawPointer(bitPattern: Int(id)))
  }
  public func push(string: String) {
    var text = string
    text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        _ = lua_pushlstring(pointer, $0.baseAddress, $0.count)
      }
    }
  }
  public func pushCopy(of index: Int32) { lua_pushvalue(pointer, index) }
  /// Pushes a new table with room for `array` items and `fields` keys
  /// (room made up front saves a rehash per insert on hot paths).
  public func newTable(array: Int32 = 0, fields: Int32 = 0) {
    lua_createtable(pointer, array, fields)
  }
  /// Sets `table[key] = top` (raw) and pops the value.
  public func setField(_ table: Int32, _ key: String) {
    let absolute = lua_absindex(pointer, table)
    lua_pushstring(pointer, key)
    lua_rotate(pointer, -2, 1)
    lua_rawset(pointer, absolute)
  }
  /// Pops a table and makes it the metatable of the value at `index`
  /// (counted before the pop).
  public func setMetatable(of index: Int32) { _ = lua_setmetatable(pointer, index) }
  public func pop(_ n: Int32) { clua_pop(pointer, n) }
  public func setTop(_ index: Int32) { lua_settop(pointer, index) }
}

/// Lua's basic types, as `lua_type` reports them.
public enum LuaType: Int32, Sendable {
  case none = -1
  case `nil` = 0
  case boolean = 1
  case lightUserdata = 2
  case number = 3
  case string = 4
  case table = 5
  case function = 6
  case userdata = 7
  case thread = 8

  public var name: String {
    switch self {
    case .none: return "no value"
    case .nil: return "nil"
    case .boolean: return "boolean"
    case .lightUserdata, .userdata: return "userdata"
    case .number: return "number"
    case .string: return "string"
    case .table: return "table"
    case .function: return "function"
    case .thread: return "thread"
    }
  }
}
