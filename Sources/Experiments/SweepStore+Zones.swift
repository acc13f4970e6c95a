import Foundation
import GRDB

/// A zone's metric word (as in `evacuation.<zone>.t90_s`) and its name on
/// the map, so a report can label per-zone metrics as the map names them
/// (ids such as "z115051405" mean nothing to a planner, and metric words
/// lose every non-ASCII letter of a Chinese id).
public struct ZoneLabel: Codable, Equatable, Sendable {
  public let metricWord: String
  public let name: String

  public init(metricWord: String, name: String) {
    self.metricWord = metricWord
    self.name = name
  }
}

/// The zone labels of a sweep, kept in the `meta` table under `zones`.
extension SweepStore {
  /// Keeps `labels` unless the store holds some already (the scenario
  /// digest in the definition makes them the same for one sweep).
  public func recordZoneLabels(_ labels: [ZoneLabel]) throws(ExperimentsError) {
    guard !labels.isEmpty else { return }
    let json: String
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      json = String(decoding: try encoder.encode(labels), as: UTF8.self)
    } catch {
      throw ExperimentsError(path, "cannot encode the zone labels: \(error)")
    }
    try access {
      try database.write { db in
        try db.execute(
          sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('zones', ?)", arguments: [json])
      }
    }
  }

  /// The stored zone labels, sorted by metric word; empty for a store
  /// without them (a scenario without a map, or an older store).
  public func zoneLabels() throws(ExperimentsError) -> [ZoneLabel] {
    let text = try access {
      try database.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'zones'")
      }
    }
    guard let text else { return [] }
    do {
      return try JSONDecoder().decode([ZoneLabel].self, from: Data(text.utf8))
        .sorted { ($0.metricWord, $0.name) < ($1.metricWord, $1.name) }
    } catch {
      throw ExperimentsError(path, "the stored zone labels cannot be read: \(error)")
    }
  }
}
