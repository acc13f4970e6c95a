import LuaHost
import Scenario

/// Reading `premovement` of `sim.evacuate`: seconds, or a distribution.
extension LuaScenario {
  /// The distributions and their parameters, as the Lua table names them.
  static let premovementForms: [(name: String, parameters: [String])] = [
    ("fixed", ["seconds"]), ("uniform", ["min", "max"]), ("lognormal", ["mu", "sigma"]),
    ("gamma", ["k", "theta"]), ("weibull", ["scale", "shape"]), ("exponential", ["mean"]),
    ("normal", ["mean", "sd"]),
  ]

  /// `premovement = seconds` or `{ dist = "lognormal", mu = .., sigma = .. }`
  /// (default nil: the population model's delays per group).
  func premovement(_ call: LuaCall, field key: String = "premovement") throws(LuaCallError)
    -> DepartureDelay?
  {
    let value = call.field(1, key) { call.value(at: $0, depth: 2) }
    func bad(_ problem: String) -> LuaCallError {
      call.argumentError(1, "field '\(key)': \(problem)")
    }
    switch value {
    case .nil: return nil
    case .integer(let i) where i >= 0: return .fixed(seconds: Double(i))
    case .number(let d) where d >= 0 && d.isFinite: return .fixed(seconds: d)
    case .table(let entries):
      var fields: [String: Double] = [:]
      var dist: String?
      for entry in entries {
        guard case .string(let key) = entry.key else { throw bad("unexpected key") }
        switch entry.value {
        case .string(let s) where key == "dist": dist = s
        case .integer(let i): fields[key] = Double(i)
        case .number(let d) where d.isFinite: fields[key] = d
        default: throw bad("field '\(key)' must be a finite number")
        }
      }
      let names = Self.premovementForms.map(\.name).joined(separator: ", ")
      guard let dist, let form = Self.premovementForms.first(where: { $0.name == dist }) else {
        throw bad("'dist' must be one of \(names)")
      }
      for key in fields.keys.sorted() where !form.parameters.contains(key) {
        throw bad("unknown field '\(key)' for \(dist) (\(form.parameters.joined(separator: ", ")))")
      }
      var p: [Double] = []
      for name in form.parameters {
        guard let x = fields[name] else { throw bad("\(dist) needs '\(name)'") }
        p.append(x)
      }
      switch dist {
      case "fixed" where p[0] >= 0: return .fixed(seconds: p[0])
      case "uniform" where p[0] >= 0 && p[1] >= p[0]: return .uniform(min: p[0], max: p[1])
      case "lognormal" where p[1] >= 0: return .lognormal(mu: p[0], sigma: p[1])
      case "gamma" where p[0] > 0 && p[1] > 0: return .gamma(k: p[0], theta: p[1])
      case "weibull" where p[0] > 0 && p[1] > 0: return .weibull(scale: p[0], shape: p[1])
      case "exponential" where p[0] > 0: return .exponential(mean: p[0])
      case "normal" where p[1] >= 0: return .normal(mean: p[0], sd: p[1])
      default: throw bad("parameters out of range for \(dist)")
      }
    default:
      throw bad("seconds (>= 0) or a table { dist = ..., ... } expected")
    }
  }
}
