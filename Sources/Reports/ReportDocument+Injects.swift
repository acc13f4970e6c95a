import Recording

/// report.html's inject table: the MSEL as played, with when each inject
/// fired and whether the expected action followed.
extension ReportDocument {
  /// One row per inject the summary reports (`inject.<n>.fired`), in
  /// number order; text and recipient come from the `inject` events.
  func injects(_ summary: Value, clock: ScenarioClock) throws(RecordingError) -> String {
    let metrics = archive.metrics
    func metric(_ name: String) -> Double? {
      metrics.first { $0.name == name }?.value.doubleValue
    }
    var numbers: [Int] = []
    for (name, _) in metrics {
      let parts = name.split(separator: ".")
      if parts.count == 3, parts[0] == "inject", parts[2] == "fired", let n = Int(parts[1]) {
        numbers.append(n)
      }
    }
    guard !numbers.isEmpty else { return "" }
    var delivered: [Int: RunArchive.Event] = [:]
    for event in try archive.events() where event.kind == "inject" {
      if let n = event.fields.first(where: { $0.key == "number" })?.value.doubleValue {
        delivered[Int(n)] = event
      }
    }
    var out = "<section><h2>Injects 导调信息</h2><table id=\"injects\"><tr><th>number</th>"
    out += "<th>fired</th><th>to</th><th>text</th><th>expected action</th><th>followed</th></tr>"
    for n in numbers.sorted() {
      let event = delivered[n]
      func field(_ key: String) -> String {
        event?.fields.first { $0.key == key }?.value.stringValue ?? ""
      }
      let fired = metric("inject.\(n).fired_s").flatMap { SimTime(seconds: $0) }
      let followed = metric("inject.\(n).followed")
      let rowClass = followed.map { $0 == 1 ? " class=\"pass\"" : " class=\"fail\"" } ?? ""
      out += "<tr\(rowClass)><td>\(n)</td>"
      out += "<td>\(HTMLText.escape(fired.map { clock.text(at: $0) } ?? "not fired"))</td>"
      out += "<td>\(HTMLText.escape(field("to")))</td><td>\(HTMLText.escape(field("text")))</td>"
      out += "<td>\(HTMLText.escape(field("expected_action")))</td>"
      out += "<td>\(followed.map { $0 == 1 ? "✔" : "✘" } ?? "—")</td></tr>"
    }
    return out + "</table></section>"
  }
}
