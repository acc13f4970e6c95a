import SimKernel

/// Whether power and the mobile network are up in a zone at a time: the
/// hook through which outages (三断) silence warning channels.
///
/// The warning run asks at the moment a channel would reach a household or
/// a call would ring a grid responsible person, so an implementation may
/// follow outages that a scenario script or a hazard decides while the run
/// goes on. Zones are roster (map) zone indices.
public protocol InfrastructureStatus {
  /// True when mains power is on in `zone` at `time`.
  func hasPower(zone: Int, at time: SimTime) -> Bool
  /// True when the mobile network works in `zone` at `time`.
  func hasNetwork(zone: Int, at time: SimTime) -> Bool
}

extension InfrastructureStatus {
  /// True when everything in `needs` is up in `zone` at `time`.
  public func provides(_ needs: InfrastructureNeeds, zone: Int, at time: SimTime) -> Bool {
    (!needs.contains(.power) || hasPower(zone: zone, at: time))
      && (!needs.contains(.network) || hasNetwork(zone: zone, at: time))
  }
}

/// Power and network cuts known in advance: windows per zone or everywhere.
public struct OutageSchedule: InfrastructureStatus, Sendable, Equatable {
  /// One cut: what goes down, where (nil: every zone) and when.
  public struct Outage: Sendable, Equatable {
    public var cuts: InfrastructureNeeds
    public var zones: [Int]?
    /// First instant without service.
    public var from: SimTime
    /// First instant with service again (`SimTime.never`: for good).
    public var until: SimTime

    public init(
      cuts: InfrastructureNeeds, zones: [Int]? = nil, from: SimTime, until: SimTime = .never
    ) {
      self.cuts = cuts
      self.zones = zones
      self.from = from
      self.until = until
    }

    func covers(_ need: InfrastructureNeeds, zone: Int, at time: SimTime) -> Bool {
      cuts.contains(need) && from <= time && time < until && (zones?.contains(zone) ?? true)
    }
  }

  public var outages: [Outage]

  /// No outages: everything always up.
  public init(_ outages: [Outage] = []) { self.outages = outages }

  public func hasPower(zone: Int, at time: SimTime) -> Bool {
    !outages.contains { $0.covers(.power, zone: zone, at: time) }
  }

  public func hasNetwork(zone: Int, at time: SimTime) -> Bool {
    !outages.contains { $0.covers(.network, zone: zone, at: time) }
  }
}
