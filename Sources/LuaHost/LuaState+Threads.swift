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
///
/// Plain data, so the resume path (several times per simulated customer)
/// builds and destroys no error on the way: a failure's message stays on
/// the main stack until `takeError(_:)` reads it.
public enum LuaResumeOutcome {
  /// It yielded this many values, now on its stack.
  case yielded(Int32)
  /// Its body returned; its results were discarded and its stack is empty,
  /// so it can run the next body pushed onto it.
  case finished
  /// It raised an error; `takeError(_:)` has it.
  case failed(LuaResumeFailure)
}

/// The Lua status of a failed resume, for `LuaState.takeError(_:)`.
public struct LuaResumeFailure {
  let status: Int32
}

extension LuaState {
  /// Moves `count` values from the main stack to the thread's stack.
  public func move(_ count: Int32, to thread: LuaThread) {
    lua_xmove(raw, thread.pointer, count)
  }

  /// Resumes `thread` with the `arguments` values on its stack (above its
  /// body, the first time).
  public func resume(_ thread: LuaThread, arguments: Int32) -> LuaResumeOutcome {
    var results: Int32 = 0
    let status = clb_resume(raw, thread.pointer, arguments, &results)
    if status == LUA_YIELD { return .yielded(results) }
    if status == LUA_OK {
      lua_settop(thread.pointer, 0)
      return .finished
    }
    return .failed(LuaResumeFailure(status: status))
  }

  /// The error of a failed resume, popped from the main stack.
  ///
  /// Its message and the coroutine's traceback; call once, right after the
  /// resume.
  public func takeError(_ failure: LuaResumeFailure) -> LuaError {
    popError(status: failure.status, compiling: false)
  }

  /// Closes a thread and drops its anchor.
  public func close(_ thread: LuaThread) {
    _ = clb_closethread(raw, thread.pointer)
    release(thread.ref)
  }

  /// Readies a suspended (or never started) coroutine for another body: its
  /// pending to-be-closed variables are closed and its stack emptied, as
  /// `close` does, but it stays anchored.
  ///
  /// Returns false, having closed it for good, when a `__close` raised:
  /// Lua 5.4 then leaves the coroutine in its error state, and such a
  /// coroutine cannot run again.
  public func reset(_ thread: LuaThread) -> Bool {
    guard clb_closethread(raw, thread.pointer) == LUA_OK else {
      release(thread.ref)
      return false
    }
    lua_settop(thread.pointer, 0)
    return true
  }
}

extension LuaState {
  /// A new, empty coroutine, anchored in the registry.
  ///
  /// Push its body and arguments before the first resume. Once the body
  /// returned (`.finished`), the same coroutine runs the next body pushed
  /// onto it: Lua 5.4 leaves a coroutine whose body returned at its base
  /// call with an empty stack, as `lua_newthread` makes one.
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
