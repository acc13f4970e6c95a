import Foundation
import LuaHost

/// `m3_per_s` of `sim.flood.inflow`: a constant, a list of `{t, q}` pairs,
/// or a CSV file beside the scenario. Bad points are invalid input (exit
/// code 2) naming the entry, or the file and line.
extension LuaScenario {
  /// `m3_per_s` as (sim time, m3/s) points: a number is a constant flow
  /// from now on; a list `{ {t, q}, ... }` or a CSV file of `t_s,m3_per_s`
  /// rows is a hydrograph in sim seconds.
  func hydrograph(_ call: LuaCall) throws(LuaCallError) -> [(Double, Double)] {
    let value = call.field(1, "m3_per_s") { call.value(at: $0, depth: 2) }
    if let q = Self.flow(value) {
      guard q >= 0 else { throw rejectArgument(call, "field 'm3_per_s' must be >= 0") }
      return [(simulator.now.seconds, q)]
    }
    if case .string(let relative) = value { return try hydrographFile(call, relative) }
    let problem = "field 'm3_per_s' must be a number, a list of {t, q} pairs or a CSV file"
    guard let list = value.arrayElements, !list.isEmpty else {
      throw rejectArgument(call, problem)
    }
    var points: [(Double, Double)] = []
    for (k, element) in list.enumerated() {
      guard let pair = element.arrayElements, pair.count == 2, let t = Self.flow(pair[0]),
        let q = Self.flow(pair[1])
      else { throw rejectArgument(call, problem + " (entry \(k + 1) is not)") }
      if let message = Self.pointProblem(t, q, after: points.last) {
        throw rejectArgument(call, "m3_per_s entry \(k + 1): \(message)")
      }
      points.append((t, q))
    }
    return points
  }

  /// A hydrograph from a CSV file: a header line, then `t_s,m3_per_s` rows.
  func hydrographFile(_ call: LuaCall, _ relative: String) throws(LuaCallError)
    -> [(Double, Double)]
  {
    let path: String
    switch ScenarioFolder(scenario: self.path).resolve(relative) {
    case .success(let resolved): path = resolved
    case .failure(let outside): throw rejectArgument(call, "field 'm3_per_s': \(outside)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw rejectArgument(
        call,
        "field 'm3_per_s' must be a number, a list of {t, q} pairs or a CSV file;"
          + " no such file '\(relative)' (looked for \(path))")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw rejectArgument(call, "\(relative): not UTF-8 text")
    }
    var points: [(Double, Double)] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (n, raw) in lines.enumerated() where n > 0 {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty { continue }
      let parts = line.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, let t = Double(parts[0]), let q = Double(parts[1]),
        t.isFinite, q.isFinite
      else {
        throw rejectArgument(call, "\(relative):\(n + 1): expected t_s,m3_per_s as two numbers")
      }
      if let message = Self.pointProblem(t, q, after: points.last) {
        throw rejectArgument(call, "\(relative):\(n + 1): \(message)")
      }
      points.append((t, q))
    }
    guard !points.isEmpty else {
      throw rejectArgument(call, "\(relative): no t_s,m3_per_s rows after the header")
    }
    return points
  }

  static func flow(_ v: LuaValue) -> Double? {
    switch v {
    case .integer(let i): Double(i)
    case .number(let d): d.isFinite ? d : nil
    default: nil
    }
  }

  /// What is wrong with a point after `last`, if anything.
  static func pointProblem(_ t: Double, _ q: Double, after last: (Double, Double)?) -> String? {
    if q < 0 { return "q must be >= 0" }
    if let last, t < last.0 { return "times must not decrease" }
    return nil
  }

  /// An argument error that is invalid input: exit code 2 when it comes
  /// from the scenario's setup.
  func rejectArgument(_ call: LuaCall, _ problem: String) -> LuaCallError {
    rejectedInput = true
    return call.argumentError(1, problem)
  }
}
