import CLuaBridge

/// One call of a fast host function, its arguments already read in C.
///
/// The hottest host functions of a process-heavy model (`sim.now`,
/// `sim.wait`, `resource:request` and `:release`, `stream:exponential`,
/// `sim.process`)
/// run on every event. Through a `LuaCall` each costs a closure call and
/// a handful of Lua API calls from Swift; as a fast call the C bridge reads
/// the common case's arguments and the host answers with plain numbers.
/// Anything else (a bad argument, a call outside a process) goes to the
/// general function bound under the same id, which reports it, so errors
/// read exactly as before.
public struct LuaFastCall {
  /// Which function was called.
  public enum Operation: Int32, Sendable {
    case now = 1
    case wait = 2
    case request = 3
    case release = 4
    case exponential = 5
    /// `sim.process(fn)` with no arguments for `fn`.
    case process = 6
  }

  public let operation: Operation
  /// Called by the coroutine the host is resuming, which may yield.
  public let inProcess: Bool
  /// The handle id at [1] of argument 1 (request, release, exponential).
  public let handle: Int64
  /// The number argument (wait: seconds; exponential: the mean).
  public let number: Double
  /// The calling thread's stack: the arguments, and room for results.
  public let stack: LuaCall
}

/// What the host did with a fast call.
public enum LuaFastOutcome {
  /// Not the common case: the general function runs instead (and reports
  /// the error, if there is one). The host must have changed nothing.
  case general
  /// Returns no values.
  case done
  /// Returns one number.
  case value(Double)
  /// Returns the values the host pushed onto the call's stack.
  case pushed(Int32)
  /// The host queued the calling process: the bridge yields it, and the
  /// values it is resumed with become the call's results.
  case wait
}

/// The owner of a state's fast calls (see `LuaState.setFastHost`).
public protocol LuaFastHost: AnyObject {
  func fastCall(_ call: LuaFastCall) -> LuaFastOutcome
}

/// The bridge's fast entry point into Swift.
let luaFastDispatch: clb_fast_dispatch_fn = { host, call in
  guard let host, let call, let thread = call.pointee.L,
    let operation = LuaFastCall.Operation(rawValue: call.pointee.op)
  else { return CLB_FAST_GENERAL }
  let outcome = Unmanaged<FastHostBox>.fromOpaque(host)._withUnsafeGuaranteedRef {
    $0.call(
      LuaFastCall(
        operation: operation, inProcess: call.pointee.in_process != 0,
        handle: Int64(call.pointee.integer), number: call.pointee.number,
        stack: LuaCall(thread, name: "?")))
  }
  switch outcome {
  case .general: return CLB_FAST_GENERAL
  case .done: return CLB_FAST_DONE
  case .value(let x):
    call.pointee.result = x
    return CLB_FAST_VALUE
  case .pushed(let count):
    call.pointee.pushed = count
    return CLB_FAST_PUSHED
  case .wait: return CLB_FAST_WAIT
  }
}
