import CLua
import CLuaBridge

/// Limits that bound one Lua state: instructions executed and bytes held.
///
/// Both are counts, never wall time, so that a run that hits a limit hits it
/// at the same place every time.
public struct LuaLimits: Sendable {
  /// VM instructions a run may execute in all; 0 means no limit.
  public var instructions: Int64
  /// Bytes the state may hold; 0 means no cap.
  public var memoryBytes: Int
  /// How often the count hook charges the budget (instructions).
  public var hookInterval: Int32

  public init(instructions: Int64, memoryBytes: Int, hookInterval: Int32 = 1000) {
    self.instructions = instructions
    self.memoryBytes = memoryBytes
    self.hookInterval = hookInterval
  }
}

/// One Lua 5.4 state: the owner of a `lua_State` and its Swift functions.
///
/// One per run, with its own limits, never shared between threads.
///
/// Every call into Lua goes through `call` (a protected call with a
/// traceback handler) or `resume`; Swift functions bound into Lua report
/// failures by throwing `LuaCallError`, and the C bridge raises them after
/// the Swift frames have returned.
public final class LuaState {
  /// A Swift function callable from Lua: reads its arguments from the call,
  /// pushes its results and returns how many it pushed.
  public typealias Function = (LuaCall) throws(LuaCallError) -> Int32

  /// The raw state, for this module and the bridge.
  let raw: OpaquePointer
  /// Unretained references to `functionBoxes`, indexed by function id: a
  /// call from Lua reads them without reference counting.
  var functions: [Unmanaged<FunctionBox>] = []
  /// Owns the function boxes for the state's lifetime.
  var functionBoxes: [FunctionBox] = []
  /// Answers the fast calls (`push(_:fast:)`); set with `setFastHost`.
  ///
  /// Without one they take the general path. The bridge holds it unretained,
  /// so that a fast call (several per simulated customer) reaches it
  /// without reference counting; this keeps it alive.
  var fastHostBox: FastHostBox?

  public init(limits: LuaLimits) throws(LuaError) {
    clb_set_dispatch(luaDispatch)
    clb_set_fast_dispatch(luaFastDispatch)
    guard let raw = clb_newstate(nil, limits.memoryBytes) else {
      throw LuaError(kind: .host, message: "cannot create a Lua state: out of memory")
    }
    self.raw = raw
    clb_set_host(raw, Unmanaged.passUnretained(self).toOpaque())
    guard clb_open_libs(raw) == LUA_OK else {
      throw LuaError(kind: .host, message: "cannot open the Lua libraries")
    }
    if limits.instructions > 0 || limits.memoryBytes > 0 {
      clb_set_instruction_budget(raw, limits.instructions, limits.hookInterval)
    }
  }

  deinit { clb_close(raw) }

  /// Instructions charged so far (a multiple of the hook interval).
  public var instructionsUsed: Int64 { clb_instructions_used(raw) }
  /// Bytes held now, and the most ever held.
  public var memoryUsed: Int { clb_memory_used(raw) }
  public var memoryPeak: Int { clb_memory_peak(raw) }

  /// The main thread's stack, for pushing arguments and reading results.
  public var stack: LuaCall { LuaCall(raw, name: "?") }

  /// Registers a Swift function; `name` appears in argument errors.
  public func register(_ name: StaticString, _ body: @escaping Function) -> LuaFunctionID {
    let box = FunctionBox(name: name, body: body)
    functionBoxes.append(box)
    functions.append(Unmanaged.passUnretained(box))
    return LuaFunctionID(raw: Int32(functions.count - 1))
  }

  /// Pushes a registered function as a Lua value.
  public func push(_ function: LuaFunctionID) {
    clb_push_function(raw, function.raw)
  }

  /// Compiles Lua text and pushes the resulting function.
  public func load(_ source: String, chunkName: String) throws(LuaError) {
    var bytes = Array(source.utf8)
    bytes.append(0)
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          clb_load(raw, $0, buffer.count - 1, chunkName)
        }
      } ?? LUA_ERRMEM
    }
    guard status == LUA_OK else { throw popError(status: status, compiling: true) }
  }

  /// Calls the function below `arguments` values on the stack, protected.
  ///
  /// Leaves `results` values (LUA_MULTRET for all) on success.
  public func call(arguments: Int32, results: Int32) throws(LuaError) {
    let status = clb_pcall(raw, arguments, results)
    guard status == LUA_OK else { throw popError(status: status, compiling: false) }
  }

  /// Turns the error message on top into a `LuaError` and pops it.
  func popError(status: Int32, compiling: Bool) -> LuaError {
    var text = stack.string(at: -1) ?? "(error object is not a string)"
    clua_pop(raw, 1)
    let kind = errorKind(status: status, compiling: compiling)
    // A refused allocation raises a bare "not enough memory"; the bridge
    // noted where the scenario was when it happened.
    if kind == .memoryCap, !text.contains("memory cap") {
      let kill = String(cString: clb_memory_kill(raw))
      if !kill.isEmpty { text = kill }
    }
    return LuaError(kind: kind, text: text)
  }

  func errorKind(status: Int32, compiling: Bool) -> LuaError.Kind {
    switch clb_limit_hit(raw) {
    case CLB_LIMIT_INSTRUCTIONS: return .instructionBudget
    case CLB_LIMIT_MEMORY: return .memoryCap
    default:
      if status == LUA_ERRMEM { return .memoryCap }
      return compiling && status == LUA_ERRSYNTAX ? .syntax : .runtime
    }
  }

  // MARK: - Registry references

  /// Pops the top value into the registry and returns its reference.
  public func ref() -> LuaRef { LuaRef(raw: luaL_ref(raw, clua_registryindex())) }

  /// Pushes a referenced value.
  public func push(_ ref: LuaRef) {
    lua_rawgeti(raw, clua_registryindex(), lua_Integer(ref.raw))
  }

  /// Makes the referenced table the methods of every handle
  /// (`LuaCall.push(handle:)`): `handle:method()` finds them, `handle.pid`
  /// is the handle's id.
  public func setHandleMethods(_ methods: LuaRef) {
    push(methods)
    clb_set_handle_methods(raw)
  }

  /// Releases a reference so its value can be collected.
  public func release(_ ref: LuaRef) { luaL_unref(raw, clua_registryindex(), ref.raw) }

  /// Calls `body` from the bridge's trampoline.
  func invoke(_ id: Int32, on thread: OpaquePointer) -> Int32 {
    let index = Int(id)
    guard index >= 0, index < functions.count else {
      LuaCall(thread, name: "?").push(string: "unknown host function")
      return CLB_ERROR
    }
    return functions[index]._withUnsafeGuaranteedRef { box in
      let call = LuaCall(thread, name: box.name)
      do throws(LuaCallError) {
        return try box.body(call)
      } catch {
        call.push(string: error.message)
        return CLB_ERROR
      }
    }
  }
}

/// A registered Swift function and its Lua-visible name.
///
/// A class with constant fields, so a call from Lua borrows it instead of
/// copying (and retaining) a closure out of an array.
final class FunctionBox {
  let name: StaticString
  let body: LuaState.Function
  init(name: StaticString, body: @escaping LuaState.Function) {
    self.name = name
    self.body = body
  }
}

/// A registered Swift function's index.
public struct LuaFunctionID: Hashable, Sendable {
  let raw: Int32
}

/// A value anchored in the registry, so the collector keeps it.
public struct LuaRef: Hashable, Sendable {
  public let raw: Int32
  public init(raw: Int32) { self.raw = raw }
}

/// The bridge's single entry point into Swift.
private let luaDispatch: clb_dispatch_fn = { thread, host, id in
  guard let thread, let host else { return CLB_ERROR }
  // The state outlives every call into it (it owns the lua_State), so the
  // call needs no reference count traffic.
  return Unmanaged<LuaState>.fromOpaque(host)._withUnsafeGuaranteedRef {
    $0.invoke(id, on: thread)
  }
}
