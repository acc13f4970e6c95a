import Foundation
import GRDB

/// A sweep's results: one SQLite database, `sweep.sqlite`, in the sweep's
/// folder.
///
/// Tables: `meta` (the sweep definition as JSON, the format version, the
/// map's zone labels),
/// `runs` (one row per run, unique on (point, replication): seed, params
/// as JSON, status, error, sim end, events, wall time), `metrics` (long
/// and narrow: point, replication, name, value) and `objectives`. Each run
/// is written in one transaction with all its rows, so a sweep killed at
/// any moment loses at most the runs in flight and never holds half a run;
/// the unique key refuses a second copy of a run. Write-ahead logging with
/// `synchronous = NORMAL`: a killed process loses nothing committed.
public final class SweepStore {
  /// The database's file name inside a sweep folder.
  public static let fileName = "sweep.sqlite"
  /// Bumped when the tables change.
  static let format = "1"

  public let folder: URL
  let database: DatabaseQueue

  /// Opens the store in `folder`, creating the folder and the tables when
  /// `create` is true.
  public init(folder: URL, create: Bool) throws(ExperimentsError) {
    self.folder = folder
    let path = folder.appendingPathComponent(Self.fileName).path
    if !create, !FileManager.default.fileExists(atPath: path) {
      throw ExperimentsError(folder.path, "no sweep store here (no \(Self.fileName))")
    }
    do {
      if create {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      var configuration = Configuration()
      configuration.busyMode = .timeout(30)
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
      database = try DatabaseQueue(path: path, configuration: configuration)
      try database.write { db in try Self.createTables(db) }
    } catch {
      throw ExperimentsError(path, "cannot open the sweep store: \(error)", invalidInput: false)
    }
  }

  static func createTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs (
          point INTEGER NOT NULL, replication INTEGER NOT NULL, seed TEXT NOT NULL,
          params TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
          sim_end_s REAL NOT NULL, events INTEGER NOT NULL, wall_s REAL NOT NULL,
          PRIMARY KEY (point, replication)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS metrics (
          point INTEGER NOT NULL, replication INTEGER NOT NULL, name TEXT NOT NULL, value REAL,
          PRIMARY KEY (point, replication, name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS objectives (
          point INTEGER NOT NULL, replication INTEGER NOT NULL, name TEXT NOT NULL,
          target TEXT NOT NULL, value REAL, rating TEXT NOT NULL, pass INTEGER NOT NULL,
          PRIMARY KEY (point, replication, name)) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta (key, value) VALUES ('format', '\(format)');
        """)
  }

  var path: String { folder.appendingPathComponent(Self.fileName).path }

  /// Runs `body` and turns database errors into `ExperimentsError`s naming the store.
  func access<T>(_ body: () throws -> T) throws(ExperimentsError) -> T {
    do {
      return try body()
    } catch let error as ExperimentsError {
      throw error
    } catch {
      throw ExperimentsError(path, "\(error)", invalidInput: false)
    }
  }

  /// The stored sweep definition, if the store has one yet.
  public func definition() throws(ExperimentsError) -> SweepDefinition? {
    let text = try access {
      try database.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'definition'")
      }
    }
    guard let text else { return nil }
    do {
      return try SweepDefinition.decode(text)
    } catch {
      throw ExperimentsError(path, "the stored sweep definition cannot be read: \(error)")
    }
  }

  /// Stores `definition` in a new store, or checks that it is the one
  /// already stored; a different one is refused (invalid input).
  public func adopt(_ definition: SweepDefinition) throws(ExperimentsError) {
    if let stored = try self.definition() {
      guard stored == definition else {
        throw ExperimentsError(
          path,
          "this store holds another sweep (differs in: "
            + definition.differences(from: stored).joined(separator: "; ")
            + "); use another --out folder")
      }
      return
    }
    let json: String
    do {
      json = try definition.json()
    } catch {
      throw ExperimentsError(path, "cannot encode the sweep definition: \(error)")
    }
    try access {
      try database.write { db in
        try db.execute(
          sql: "INSERT INTO meta (key, value) VALUES ('definition', ?)", arguments: [json])
      }
    }
  }

  /// The keys of every stored run, sorted.
  public func recordedKeys() throws(ExperimentsError) -> [RunKey] {
    try access {
      try database.read { db in
        try Row.fetchAll(db, sql: "SELECT point, replication FROM runs ORDER BY point, replication")
          .map { RunKey(point: $0["point"], replication: $0["replication"]) }
      }
    }
  }

  /// Number of stored runs.
  public func count() throws(ExperimentsError) -> Int {
    try access {
      try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? 0 }
    }
  }

  /// Writes one run with its metrics and objectives in one transaction.
  ///
  /// A run already stored is refused by the unique key.
  public func insert(_ record: RunRecord) throws(ExperimentsError) {
    try access { try database.write { db in try Self.insert(record, into: db) } }
  }

  static func insert(_ record: RunRecord, into db: Database) throws {
    let point = record.key.point
    let replication = record.key.replication
    try db.execute(
      sql: """
        INSERT INTO runs (point, replication, seed, params, status, error, sim_end_s, events, wall_s)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        point, replication, String(record.seed), record.params, record.status, record.error,
        record.simEndSeconds, record.events, record.wallSeconds,
      ])
    for metric in record.metrics {
      try db.execute(
        sql: "INSERT INTO metrics (point, replication, name, value) VALUES (?, ?, ?, ?)",
        arguments: [point, replication, metric.name, metric.value.isNaN ? nil : metric.value])
    }
    for objective in record.objectives {
      try db.execute(
        sql: """
          INSERT INTO objectives (point, replication, name, target, value, rating, pass)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          point, replication, objective.name, objective.target, objective.value,
          objective.rating, objective.pass,
        ])
    }
  }

  /// Every stored run, sorted by key.
  public func records() throws(ExperimentsError) -> [RunRecord] {
    try access { try database.read { db in try Self.records(db) } }
  }

  static func records(_ db: Database) throws -> [RunRecord] {
    var metrics: [RunKey: [Metric]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT point, replication, name, value FROM metrics ORDER BY point, replication, name")
    {
      let key = RunKey(point: row["point"], replication: row["replication"])
      let value: Double? = row["value"]
      metrics[key, default: []].append(Metric(name: row["name"], value: value ?? .nan))
    }
    var objectives: [RunKey: [RunRecord.Objective]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT point, replication, name, target, value, rating, pass FROM objectives
        ORDER BY point, replication, name
        """)
    {
      let key = RunKey(point: row["point"], replication: row["replication"])
      objectives[key, default: []].append(
        RunRecord.Objective(
          name: row["name"], target: row["target"], value: row["value"], rating: row["rating"],
          pass: row["pass"]))
    }
    return try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY point, replication").map { row in
      let key = RunKey(point: row["point"], replication: row["replication"])
      let seedText: String = row["seed"]
      return RunRecord(
        key: key, seed: UInt64(seedText) ?? 0, params: row["params"], status: row["status"],
        error: row["error"], simEndSeconds: row["sim_end_s"], events: row["events"],
        wallSeconds: row["wall_s"], metrics: metrics[key] ?? [], objectives: objectives[key] ?? [])
    }
  }
}
