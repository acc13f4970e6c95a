import CLuaBridge

extension LuaState {
  /// Pushes the fast version of `function` (see `LuaFastCall`): it calls
  /// `fastHost` for the common case and `function` for the rest.
  public func push(_ function: LuaFunctionID, fast operation: LuaFastCall.Operation) {
    precondition(function.raw < 1 << 16, "fast calls pack the function id in 16 bits")
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
