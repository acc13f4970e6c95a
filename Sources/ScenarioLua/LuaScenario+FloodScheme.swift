import LuaHost
import Scenario

/// `sim.flood.scheme`: the solver's q-centred weight and Courant factor.
///
/// The defaults (theta 0.7, alpha 0.6) let water come to rest where
/// LISFLOOD-FP's (theta 1, alpha 0.7) can keep it sloshing; a script that
/// is compared with published LISFLOOD-FP runs sets theirs. The flood is
/// caught up to now first, so the change applies from the call.
extension LuaScenario {
  func bindFloodScheme(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.flood.scheme", "flood_scheme") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: ["theta", "alpha"])
      let flood = try self.requireFlood(call)
      let parameters = flood.solver.parameters
      let theta = try self.numberField(call, "theta", required: false) ?? parameters.theta
      let alpha = try self.numberField(call, "alpha", required: false) ?? parameters.alpha
      guard theta >= 0, theta <= 1 else {
        throw call.argumentError(1, "field 'theta' must be in [0, 1], got \(theta)")
      }
      guard alpha > 0, alpha <= 1 else {
        throw call.argumentError(1, "field 'alpha' must be in (0, 1], got \(alpha)")
      }
      self.catchUpFlood(on: call)
      do {
        try flood.setScheme(theta: theta, alpha: alpha)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
  }
}
