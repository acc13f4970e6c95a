import Experiments
import Testing

/// Run records as worker processes hand them back: JSON lines that read
/// back to equal records, NaN and infinities included.
@Suite struct RunRecordTests {
  @Test func jsonLinesRoundTrip() throws {
    let record = RunRecord(
      key: RunKey(point: 3, replication: 7), seed: UInt64.max, params: #"{"a":1.5,"b":"x"}"#,
      status: "failed", error: "x.lua:1: boom\n\"quoted\"", simEndSeconds: 12.5, events: 99,
      wallSeconds: 0.25,
      metrics: [
        Metric(name: "z", value: .nan), Metric(name: "a", value: 1e-300),
        Metric(name: "m", value: -.infinity),
      ],
      objectives: [
        RunRecord.Objective(name: "o", target: "t", value: nil, rating: "U", pass: false)
      ])
    let line = try record.jsonLine()
    #expect(!line.contains("\n"))
    let read = try RunRecord(jsonLine: line)
    #expect(read == record)
    #expect(read.metrics.map(\.name) == ["a", "m", "z"])
    #expect(read.metric("z")?.isNaN == true)
    #expect(throws: (any Error).self) { try RunRecord(jsonLine: "{\"point\":1}") }
  }
}
