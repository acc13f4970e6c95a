import Scenario

/// The summary.json document (DESIGN.md §5), with a fixed key order.
public enum SummaryDocument {
  public static func value(_ result: RunResult) -> Value {
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
  public static func json(_ result: RunResult) -> String {
    guard case .object(let fields) = value(result) else { return "{}" }
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
