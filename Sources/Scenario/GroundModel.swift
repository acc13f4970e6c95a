import Hazards

/// A run's ground hazards: slopes marked by the scenario that fail as a
/// debris flow or a landslide when the rain crosses their threshold, and
/// the rain they see.
///
/// The rain is the scenario's flood rain (`sim.flood.rain`) plus any rain
/// given to the ground alone (`sim.ground.rain`), uniform over the
/// township. Each slope fails once, at the first crossing of its
/// intensity-duration threshold; the links it carries are then cut for
/// its closure time (clearing a debris flow off a road takes hours to
/// days; reference/hazards.md §9.1).
public final class GroundModel {
  /// A slope the scenario marked.
  public struct Slope: Sendable, Equatable {
    public let id: String
    /// "debris_flow" or "landslide": the event is `ground.<kind>`.
    public let kind: String
    /// The slope class the threshold came from, or "custom".
    public let slopeClass: String
    public let threshold: RainfallThreshold
    /// Links the failure cuts, in the order given.
    public let links: [String]
    /// Seconds the links stay cut.
    public let closure: Double

    public init(
      id: String, kind: String, slopeClass: String, threshold: RainfallThreshold,
      links: [String], closure: Double
    ) {
      self.id = id
      self.kind = kind
      self.slopeClass = slopeClass
      self.threshold = threshold
      self.links = links
      self.closure = closure
    }
  }

  /// Default time a failed slope keeps its links cut: 6 h, a first
  /// clearance by a loader.
  public static let defaultClosure = 6 * 3600.0

  public private(set) var slopes: [Slope] = []
  public private(set) var failed: [Bool] = []
  public var rain = RainfallRecord()

  public init() {}

  /// Marks a slope; ids are unique.
  public func add(_ slope: Slope) throws(ScenarioError) {
    guard !slopes.contains(where: { $0.id == slope.id }) else {
      throw ScenarioError("", "slope '\(slope.id)' is already marked")
    }
    slopes.append(slope)
    failed.append(false)
  }

  /// The slopes not failed yet whose threshold the rain crosses by
  /// `horizon`, with when, in slope order.
  public func crossings(until horizon: Double)
    -> [(slope: Int, time: Double, intensity: Double, hours: Double)]
  {
    slopes.indices.compactMap { k in
      guard !failed[k], let c = rain.firstCrossing(of: slopes[k].threshold, until: horizon)
      else { return nil }
      return (k, c.time, c.intensity, c.hours)
    }
  }

  /// Records that slope `index` failed.
  public func markFailed(_ index: Int) { failed[index] = true }
}
