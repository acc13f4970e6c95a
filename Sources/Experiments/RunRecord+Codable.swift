import Foundation

/// Run records as JSON lines: how worker processes hand records back.
extension RunRecord: Codable {
  enum CodingKeys: String, CodingKey {
    case point, replication, seed, params, status, error, simEndSeconds, events, wallSeconds
    case metrics, objectives
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      key: RunKey(
        point: try c.decode(Int.self, forKey: .point),
        replication: try c.decode(Int.self, forKey: .replication)),
      seed: try c.decode(UInt64.self, forKey: .seed),
      params: try c.decode(String.self, forKey: .params),
      status: try c.decode(String.self, forKey: .status),
      error: try c.decodeIfPresent(String.self, forKey: .error),
      simEndSeconds: try c.decode(Double.self, forKey: .simEndSeconds),
      events: try c.decode(Int.self, forKey: .events),
      wallSeconds: try c.decode(Double.self, forKey: .wallSeconds),
      metrics: try c.decode([Metric].self, forKey: .metrics),
      objectives: try c.decode([Objective].self, forKey: .objectives))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(key.point, forKey: .point)
    try c.encode(key.replication, forKey: .replication)
    try c.encode(seed, forKey: .seed)
    try c.encode(params, forKey: .params)
    try c.encode(status, forKey: .status)
    try c.encodeIfPresent(error, forKey: .error)
    try c.encode(simEndSeconds, forKey: .simEndSeconds)
    try c.encode(events, forKey: .events)
    try c.encode(wallSeconds, forKey: .wallSeconds)
    try c.encode(metrics, forKey: .metrics)
    try c.encode(objectives, forKey: .objectives)
  }

  /// The record as one line of JSON (NaN and infinities as strings).
  public func jsonLine() throws -> String {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// Reads a line written by `jsonLine()`.
  public init(jsonLine: String) throws {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    self = try decoder.decode(RunRecord.self, from: Data(jsonLine.utf8))
  }
}
