import SimKernel

/// The header a scenario declares with `scenario { ... }`.
///
/// Every field is optional except `name`; unknown fields are errors, so a
/// typo ("duraton") is caught instead of silently running 0 hours.
public struct ScenarioSpec: Sendable {
  public var name: String
  /// The map file, resolved against the scenario's folder (loaded by a later
  /// capability; for now it must exist).
  public var map: String?
  /// Raster files named in the header, by field (terrain, fuel, roughness).
  public var rasters: [(field: String, path: String)] = []
  /// When the run ends (the run also ends when nothing is left to do).
  public var duration: SimTime?
  public var seed: UInt64?
  /// Wall-clock start as written (ISO 8601), for reports.
  public var start: String?
  public var description: String?

  public init(name: String) { self.name = name }

  /// The fields `scenario{}` accepts.
  public static let fields = [
    "name", "map", "terrain", "fuel", "roughness", "duration", "seed", "start", "description",
  ]
  /// The fields that name files.
  public static let rasterFields = ["terrain", "fuel", "roughness"]
}
