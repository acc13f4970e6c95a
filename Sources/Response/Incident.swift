import SimKernel

/// What happened: the kind decides the default skills and priority.
public enum IncidentKind: String, Sendable, CaseIterable {
  /// People trapped by water who have not left.
  case trapped
  case structureFire = "structure_fire"
  case injured
  /// A household that cannot evacuate on its own.
  case assistance
  /// Anything else, usually a scripted inject.
  case other

  /// Skills a team needs for this kind of incident by default.
  public var defaultSkills: [String] {
    switch self {
    case .trapped: return ["water_rescue"]
    case .structureFire: return ["fire"]
    case .injured: return ["medical"]
    case .assistance: return ["assist"]
    case .other: return []
    }
  }

  /// Default priority: 1 is the most urgent.
  public var defaultPriority: Int {
    switch self {
    case .trapped, .structureFire: return 1
    case .injured: return 2
    case .assistance, .other: return 3
    }
  }
}

/// How long the work on scene takes, seconds.
public enum WorkDuration: Sendable, Equatable {
  case fixed(Double)
  case exponential(mean: Double)
  case lognormal(mu: Double, sigma: Double)
  case uniform(Double, Double)

  /// One draw (never negative).
  public func draw(_ stream: inout RandomStream) -> Double {
    switch self {
    case .fixed(let seconds): return max(0, seconds)
    case .exponential(let mean): return stream.exponential(mean: mean)
    case .lognormal(let mu, let sigma): return stream.lognormal(mu, sigma)
    case .uniform(let a, let b): return max(0, stream.uniform(a, b))
    }
  }
}

/// Something that needs a team: where, how urgent, what skills, how long.
///
/// Hazard couplings, the evacuation and scripted injects all create these
/// and hand them to `DispatchCentre.report(_:)`.
public struct Incident: Sendable, Equatable {
  public var id: String
  public var kind: IncidentKind
  /// Node index of the scene.
  public var node: Int
  /// 1 is the most urgent; ties go to the earlier alarm.
  public var priority: Int
  public var requiredSkills: [String]
  public var work: WorkDuration
  /// Persons involved (trapped, injured, to assist).
  public var persons: Int
  /// Who reported it: `flood`, `fire`, `evacuation`, `inject`, ...
  public var source: String

  public init(
    id: String, kind: IncidentKind, node: Int, priority: Int? = nil,
    requiredSkills: [String]? = nil, work: WorkDuration = .fixed(1_800), persons: Int = 1,
    source: String = "inject"
  ) {
    self.id = id
    self.kind = kind
    self.node = node
    self.priority = priority ?? kind.defaultPriority
    self.requiredSkills = requiredSkills ?? kind.defaultSkills
    self.work = work
    self.persons = persons
    self.source = source
  }
}
