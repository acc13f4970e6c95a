import Hazards

/// What a scenario says about the water behind a breach, in sim time.
public enum BreachWater {
  /// A level-pool reservoir at `level` (m). `storage` is its area over
  /// level (constant or a table); `volume` is the water above the
  /// breach bottom (Froehlich's Vw). Either may be left out: a missing
  /// area is the volume spread over the depth above the bottom (vertical
  /// walls), a missing volume is what the area holds above the bottom.
  case reservoir(
    level: Double, volume: Double?, storage: FloodStorage?, inflow: [(Double, Double)]?)
  /// A river at `stage` (`(sim time, level)` points); `volume`, when
  /// known, sizes the breach by Froehlich.
  case river(stage: [(Double, Double)], volume: Double?)
}

extension FloodModel {
  /// Adds a breach at (x, y) that starts to open at sim time `at`.
  ///
  /// Width and formation time come from Froehlich (2008) unless given; a
  /// river breach without a `volume` must give both, since Froehlich's
  /// regressions need the stored volume.
  @discardableResult public func addBreach(
    x: Double, y: Double, at: Double, water: BreachWater, crest: Double, bottom: Double,
    mode: FroehlichBreach.Mode, width: Double?, formation: Double?
  ) throws(ScenarioError) -> FloodBreach {
    do {
      guard solver.grid.cell(atX: x, y: y) != nil else {
        throw ScenarioError("", "point (\(x), \(y)) is outside the terrain")
      }
      guard bottom < crest else {
        throw ScenarioError("", "bottom (\(bottom) m) must be below the crest (\(crest) m)")
      }
      let source: FloodBreach.Water
      let stored: Double?
      switch water {
      case .reservoir(let level, let volume, let given, let inflow):
        let storage: FloodStorage
        if let given {
          storage = given
        } else if let volume, volume > 0, level > bottom {
          storage = try FloodStorage(area: volume / (level - bottom))
        } else {
          throw ScenarioError(
            "reservoir", "needs an area, or a volume > 0 and a level above the bottom")
        }
        let series = try inflow.map { try FloodSeries($0.map { ($0.0 - origin, $0.1) }) }
        let pool = try FloodReservoir(storage: storage, level: level, inflow: series)
        source = .reservoir(pool)
        stored = volume ?? pool.volume(above: bottom)
      case .river(let stage, let volume):
        source = .river(stage: try FloodSeries(stage.map { ($0.0 - origin, $0.1) }))
        stored = volume
      }
      var finalWidth = width
      var formationTime = formation
      if finalWidth == nil || formationTime == nil {
        guard let stored, stored > 0 else {
          throw ScenarioError(
            "", "a breach without width and formation needs the stored volume (Froehlich)")
        }
        let froehlich = try FroehlichBreach(volume: stored, height: crest - bottom, mode: mode)
        finalWidth = finalWidth ?? froehlich.width
        formationTime = formationTime ?? froehlich.formationTime
      }
      let breach = try FloodBreach(
        x: x, y: y, start: at - origin, water: source, crest: crest, bottom: bottom,
        finalWidth: finalWidth ?? 0, formationTime: formationTime ?? 0,
        gravity: solver.parameters.gravity)
      return try solver.addBreach(breach)
    } catch let error as ScenarioError {
      throw error
    } catch let error as HazardsError {
      throw ScenarioError(error.location, error.message)
    } catch {
      throw ScenarioError("", "\(error)")
    }
  }

  /// The breach with handle `index` (0-based, in the order added).
  public func breach(_ index: Int) -> FloodBreach? {
    solver.breaches.indices.contains(index) ? solver.breaches[index] : nil
  }

  /// Discharge (m3/s) through a breach at sim time `now`, the water as it
  /// stands.
  public func outflow(of breach: FloodBreach, at now: Double) -> Double {
    let t = now - origin
    let tailwater = solver.waterLevel(atX: breach.x, y: breach.y) ?? -Double.infinity
    return breach.discharge(at: t, upstream: breach.upstreamLevel(at: t), tailwater: tailwater)
  }
}
