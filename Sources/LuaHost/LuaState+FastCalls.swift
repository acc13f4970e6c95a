import CLuaBridge

extension LuaState {
  /// Pushes the fast version of `function` (see `LuaFastCall`): it calls
  /// the fast host (`setFastHost`) for the common case and `function` for
  /// the rest.
  public func push(_ function: LuaFunctionID, fast operation: LuaFastCall.Operation) {
    clb_push_fast_function(raw, function.raw, operation.rawValue)
  }

  /// Lets the fast `sim.now` read the clock (milliseconds) without a call
  /// into Swift.
  ///
  /// The pointer must stay valid while Lua code can run; pass nil before
  /// it goes away.
  public func setClock(_ milliseconds: UnsafePointer<Int64>?) {
    clb_set_clock(raw, milliseconds)
  }
}

extension LuaState {
  /// Makes `host` answer the fast calls.
  ///
  /// Unretained: the host owns the state, not the reverse, and must call
  /// `clearFastHost()` before it goes away.
  public func setFastHost<Host: LuaFastHost>(_ host: Host) {
    let unretained = Unmanaged.passUnretained(host)
    let box = FastHostBox { call in unretained._withUnsafeGuaranteedRef { $0.fastCall(call) } }
    fastHostBox = box
    clb_set_fast_host(raw, Unmanaged.passUnretained(box).toOpaque())
  }

  /// Sends the fast calls down the general path again.
  public func clearFastHost() {
    clb_set_fast_host(raw, nil)
    fastHostBox = nil
  }
}

/// The fast host's entry point, behind a constant field: a fast call borrows
/// the box and calls through it without copying (and retaining) anything.
final class FastHostBox {
  let call: (LuaFastCall) -> LuaFastOutcome
  init(call: @escaping (LuaFastCall) -> LuaFastOutcome) { self.call = call }
}
