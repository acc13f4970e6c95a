import Foundation

/// A sweep folder as a drill's baseline: the completed replications of one
/// design point.
extension DrillBaseline {
  init(sweepFolder folder: URL, path: String, point requested: Int?) throws(ExperimentsError) {
    let store = try SweepStore(folder: folder, create: false)
    guard let definition = try store.definition() else {
      throw ExperimentsError(path, "the sweep store holds no sweep definition yet")
    }
    let points = definition.points()
    let chosen: DesignPoint
    let how: String
    if let requested {
      guard points.indices.contains(requested) else {
        throw ExperimentsError(
          "--point", "the sweep has points 0 to \(points.count - 1), not \(requested)")
      }
      chosen = points[requested]
      how = "chosen with --point"
    } else if let atDefaults = Self.pointAtDefaults(definition, points) {
      chosen = atDefaults
      how =
        definition.factors.isEmpty
        ? "the only point; no parameter varies"
        : "every varied parameter at the scenario's default"
    } else if let first = points.first {
      chosen = first
      how = "no point has every varied parameter at its default; the first point"
    } else {
      throw ExperimentsError(path, "the sweep has no design points")
    }
    let records = try store.records().filter { $0.key.point == chosen.index }
    let completed = records.filter { $0.status == "complete" }
    guard !completed.isEmpty else {
      throw ExperimentsError(
        path, "point \(chosen.index) has no completed replications (\(records.count) stored)")
    }
    source = .sweep
    self.path = path
    scenario = definition.scenario
    point = chosen.index
    let skipped = records.count - completed.count
    selection =
      "point \(chosen.index) of \(points.count) (\(how)): \(completed.count) completed replications"
      + (skipped > 0 ? ", \(skipped) failed or cut short and left out" : "")
    parameters = (definition.pinned + chosen.settings).map { "\($0.name)=\($0.level.text)" }
      .sorted()
    replications = completed.map {
      Replication(number: $0.key.replication, metrics: $0.metrics, objectives: $0.objectives)
    }
    events = []
  }

  /// The first point where every factor stands at the scenario's default.
  static func pointAtDefaults(_ definition: SweepDefinition, _ points: [DesignPoint])
    -> DesignPoint?
  {
    points.first { point in
      definition.factors.allSatisfy { factor in
        point.settings.first { $0.name == factor.name }?.level == factor.baseline
      }
    }
  }
}
