import CLua
import CLuaBridge

/// A coroutine the host drives: anchored in the registry while it lives, so
/// the collector cannot take it while it waits in the event queue.
public struct LuaThread {
  let pointer: OpaquePointer
  public let ref: LuaRef

  /// The thread's own stack (yielded values, resume arguments).
  public var stack: LuaCall { LuaCall(pointer, name: "coroutine") }
}

/// What a resumed coroutine did.
public enum LuaResumeOutcome {
  /// It yielded this many values, now on its stack.
  case yielded(Int32)
  /// It returned; its results were discarded.
  case finished
  case failed(LuaError)
}

extension LuaState {
  /// Moves `count` values from the main stack to the thread's stack.
  public func move(_ count: Int32, to thread: LuaThread) {
    lua_xmove(raw, thread.pointer, count)
  }

  /// Resumes `thread` with the `arguments` values on its stack.
  public func resume(_ thread: LuaThread, arguments: Int32) -> LuaResumeOutcome {
    var results: Int32 = 0
    let status = clb_resume(raw, thread.pointer, arguments, &results)
    switch status {
    case LUA_YIELD: return .yielded(results)
    case LUA_OK:
      lua_settop(thread.pointer, 0)
      return .finished
    default:
      return .failed(popError(status: status, compiling: false))
    }
  }

  /// Closes a thread and drops its anchor.
  public func close(_ thread: LuaThread) {
    clb_closethread(raw, thread.pointer)
    release(thread.ref)
  }
}

extension LuaState {
  /// A new, empty coroutine, anchored in the registry.
  ///
  /// Push its function
  /// and arguments before the first resume.
  public func newThread(on stack: LuaCall) -> LuaThread {
    guard let thread = lua_newthread(stack.pointer) else { preconditionFailure("lua_newthread") }
    let ref = LuaRef(raw: luaL_ref(stack.pointer, clua_registryindex()))
    return LuaThread(pointer: thread, ref: ref)
  }

  /// Copies `count` values starting at `index` of `stack` onto `thread`.
  public func copy(from stack: LuaCall, at index: Int32, count: Int32, to thread: LuaThread) {
    let first = lua_absindex(stack.pointer, index)
    _ = lua_checkstack(stack.pointer, count)
    _ = lua_checkstack(thread.pointer, count + 1)
    for offset in 0..<count { lua_pushvalue(stack.pointer, first + offset) }
    lua_xmove(stack.pointer, thread.pointer, count)
  }

  /// Anchors a copy of the value at `index` of `stack` in the registry.
  public func ref(from stack: LuaCall, at index: Int32) -> LuaRef {
    lua_pushvalue(stack.pointer, index)
    return LuaRef(raw: luaL_ref(stack.pointer, clua_registryindex()))
  }

  /// Pushes a referenced value onto `stack` (a suspended thread's included).
  public func push(_ ref: LuaRef, onto stack: LuaCall) {
    _ = lua_checkstack(stack.pointer, 2)
    lua_rawgeti(stack.pointer, clua_registryindex(), lua_Integer(ref.raw))
  }

  /// Calls the function below `arguments` values on `stack`, protected, on
  /// that thread (for callbacks such as store filters, from inside a host
  /// function).
  public func call(on stack: LuaCall, arguments: Int32, results: Int32) throws(LuaError) {
    let status = clb_pcall(stack.pointer, arguments, results)
    guard status == LUA_OK else {
      let text = stack.string(at: -1) ?? "(error object is not a string)"
      stack.pop(1)
      throw LuaError(kind: errorKind(status: status, compiling: false), text: text)
    }
  }
}
