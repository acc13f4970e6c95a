import GRDB

/// Merging shard stores into one.
extension SweepStore {
  /// What a merge did with a source's runs.
  public struct MergeCount: Equatable, Sendable {
    /// Runs copied into this store.
    public var added = 0
    /// Runs this store already held with the same result.
    public var duplicates = 0

    public init(added: Int = 0, duplicates: Int = 0) {
      self.added = added
      self.duplicates = duplicates
    }
  }

  /// Copies `source`'s runs into this store, in one transaction.
  ///
  /// The source must hold the same sweep definition (a store without one
  /// yet adopts the source's). A run both hold must have the same result,
  /// wall time aside; a conflict refuses the whole source (invalid input),
  /// because it means the stores were not made by the same sweep.
  @discardableResult
  public func merge(from source: SweepStore) throws(ExperimentsError) -> MergeCount {
    guard let definition = try source.definition() else {
      throw ExperimentsError(source.path, "the store holds no sweep definition")
    }
    do {
      try adopt(definition)
    } catch {
      throw ExperimentsError(
        source.path, "cannot merge into \(path): \(error.message)", invalidInput: true)
    }
    try recordZoneLabels(try source.zoneLabels())
    let incoming = try source.records()
    return try access {
      try database.write { db in
        let existing = Dictionary(
          uniqueKeysWithValues: try Self.records(db).map { ($0.key, $0) })
        var count = MergeCount()
        for record in incoming {
          if let held = existing[record.key] {
            guard held.sameResult(as: record) else {
              throw ExperimentsError(
                source.path, "\(record.key) differs from the one in \(path); not merged")
            }
            count.duplicates += 1
          } else {
            try Self.insert(record, into: db)
            count.added += 1
          }
        }
        return count
      }
    }
  }
}
