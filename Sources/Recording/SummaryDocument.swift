import Scenario

/// The summary.json document (DESIGN.md §5), with a fixed key order.
public enum SummaryDocument {
  /// The status of a run that has started and not finished.
  ///
  /// The summary a results folder holds while its run is going, or after
  /// the run was killed. Only a final summary replaces it.
  public static let running = "running"

  public static func value(_ result: RunResult, files: [String] = []) -> Value {
    var fields: [(key: String, value: Value)] = [
      ("scenario", .string(result.scenario)),
      ("seed", .integer(Int64(bitPattern: result.seed))),
      ("params", .object(result.params.map { ($0.name, $0.value) })),
      ("status", .string(result.status.rawValue)),
      ("sim_end_s", .number(result.simEnd.seconds)),
      ("events", .integer(Int64(result.events))),
      ("metrics", .object(result.metrics.map { ($0.name, .number($0.value)) })),
      ("objectives", .array(result.objectives.map(objective))),
    ]
    if let reason = result.stopReason { fields.append(("stop_reason", .string(reason))) }
    if let error = result.error { fields.append(("error", .string(error))) }
    if !files.isEmpty { fields.append(("files", .array(files.map { .string($0) }))) }
    return .object(fields)
  }

  static func objective(_ o: ObjectiveResult) -> Value {
    .object([
      ("name", .string(o.name)), ("target", .string(o.target)),
      ("value", o.value.map { .number($0) } ?? .null),
      ("rating", .string(o.rating)), ("pass", .bool(o.pass)),
    ])
  }

  /// Pretty enough to read (one field per line at the top level) and
  /// still one fixed byte sequence per result.
  public static func json(_ result: RunResult, files: [String] = []) -> String {
    guard case .object(let fields) = value(result, files: files) else { return "{}" }
    return text(fields)
  }

  /// The summary of a run that has just started: scenario, seed and
  /// `"status": "running"`, to be replaced by the final summary.
  public static func startJSON(scenario: String, seed: UInt64) -> String {
    text([
      ("scenario", .string(scenario)), ("seed", .integer(Int64(bitPattern: seed))),
      ("status", .string(running)),
    ])
  }

  static func text(_ fields: [(key: String, value: Value)]) -> String {
    var out = "{\n"
    for (n, field) in fields.enumerated() {
      out += "  "
      JSONText.string(field.key, to: &out)
      out += ": "
      JSONText.write(field.value, to: &out)
      out += n + 1 < fields.count ? ",\n" : "\n"
    }
    return out + "}"
  }
}
