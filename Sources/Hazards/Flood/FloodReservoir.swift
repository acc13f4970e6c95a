/// A level-pool reservoir outside the flood grid: one volume, its level
/// from a storage-elevation relation, and an optional inflow hydrograph.
///
/// Level pool means the surface stays flat while it drains, which holds
/// for ponds and reservoirs whose length is short against the wave the
/// breach sends up them; `dV/dt = Q_in − Q_breach` is then the whole model
/// (hazards.md §9.2).
public struct FloodReservoir: Sendable {
  /// Area over level.
  public let storage: FloodStorage
  /// Inflow (m3/s) over solver time, or nil for none.
  public let inflow: FloodSeries?
  /// Stored volume (m3), counted as `storage` counts it.
  public internal(set) var volume: Double
  /// Inflow volume received so far (m3).
  public internal(set) var inflowVolume = 0.0

  /// A reservoir filled to `level`.
  public init(storage: FloodStorage, level: Double, inflow: FloodSeries? = nil) throws {
    guard level.isFinite else { throw HazardsError("reservoir", "level must be finite") }
    if let inflow, inflow.minimum < 0 {
      throw HazardsError("reservoir inflow", "discharge must not be negative")
    }
    self.storage = storage
    self.inflow = inflow
    volume = storage.volume(at: level)
  }

  /// Water surface level (m).
  public var level: Double { storage.level(forVolume: volume) }

  /// Volume (m3) stored above `level` (0 when the water is below it).
  public func volume(above level: Double) -> Double {
    max(0, volume - storage.volume(at: level))
  }
}
