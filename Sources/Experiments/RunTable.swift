/// The runs of a store as one wide CSV table: a row per run, sorted by
/// point and replication; a column per varied parameter, per metric and per
/// objective (pass and value).
///
/// Columns: `point, replication, seed, status, wall_s`, the factors in
/// definition order, the metrics sorted by name, then
/// `objective.<name>.pass` and `objective.<name>.value` sorted by name, and
/// `error` last. Everything but `wall_s` is the same for equal sweeps.
public enum RunTable {
  public static func csv(definition: SweepDefinition, records: [RunRecord]) -> String {
    let points = definition.points()
    let metrics = Array(Set(records.flatMap { $0.metrics.map(\.name) })).sorted()
    let objectives = Array(Set(records.flatMap { $0.objectives.map(\.name) })).sorted()
    var header = ["point", "replication", "seed", "status", "wall_s"]
    header += definition.factors.map(\.name)
    header += metrics
    header += objectives.flatMap { ["objective.\($0).pass", "objective.\($0).value"] }
    header.append("error")
    var out = CSVText.row(header)
    for record in records.sorted(by: { $0.key < $1.key }) {
      var row = [
        String(record.key.point), String(record.key.replication), String(record.seed),
        record.status, CSVText.number(record.wallSeconds),
      ]
      let settings = record.key.point < points.count ? points[record.key.point].settings : []
      row += definition.factors.map { factor in
        settings.first { $0.name == factor.name }?.level.text ?? ""
      }
      row += metrics.map { CSVText.number(record.metric($0)) }
      for name in objectives {
        let objective = record.objectives.first { $0.name == name }
        row.append(objective.map { $0.pass ? "true" : "false" } ?? "")
        row.append(CSVText.number(objective?.value))
      }
      row.append(record.error ?? "")
      out += CSVText.row(row)
    }
    return out
  }
}
