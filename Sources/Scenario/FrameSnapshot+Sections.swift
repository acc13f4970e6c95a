/// The section types of a `FrameSnapshot`.
extension FrameSnapshot {
  /// A closed link and the modes it is closed for.
  public struct LinkClosure: Sendable, Equatable {
    /// Index of the link in the map's link list.
    public var link: Int
    public var driving: Bool
    public var walking: Bool

    public init(link: Int, driving: Bool, walking: Bool) {
      self.link = link
      self.driving = driving
      self.walking = walking
    }

    /// "all", "drive" or "walk": the modes closed, as events.jsonl says it.
    public var modes: String {
      switch (driving, walking) {
      case (true, true): "all"
      case (true, false): "drive"
      default: "walk"
      }
    }
  }

  /// What a link carries: walkers, vehicles, and those queued to leave it.
  public struct LinkLoad: Sendable, Equatable {
    public var link: Int
    public var people: Int
    public var vehicles: Int
    public var queue: Int

    public init(link: Int, people: Int, vehicles: Int, queue: Int) {
      self.link = link
      self.people = people
      self.vehicles = vehicles
      self.queue = queue
    }
  }

  /// Persons of a zone or grid in each evacuation state.
  public struct AreaStates: Sendable, Equatable {
    public var notWarned: Int
    public var warned: Int
    public var acknowledged: Int
    public var moving: Int
    public var safe: Int
    /// In harm's way: reached by water or fire before being safe.
    public var exposed: Int

    public init(
      notWarned: Int = 0, warned: Int = 0, acknowledged: Int = 0, moving: Int = 0, safe: Int = 0,
      exposed: Int = 0
    ) {
      self.notWarned = notWarned
      self.warned = warned
      self.acknowledged = acknowledged
      self.moving = moving
      self.safe = safe
      self.exposed = exposed
    }

    /// The state names in the order `counts` lists them.
    public static let names = ["not_warned", "warned", "acknowledged", "moving", "safe", "exposed"]

    /// The counts in the order of `names`.
    public var counts: [Int] { [notWarned, warned, acknowledged, moving, safe, exposed] }

    /// States from counts in the order of `names` (missing ones are 0).
    public init(counts: [Int]) {
      func at(_ i: Int) -> Int { i < counts.count ? counts[i] : 0 }
      self.init(
        notWarned: at(0), warned: at(1), acknowledged: at(2), moving: at(3), safe: at(4),
        exposed: at(5))
    }
  }

  /// A shelter's headcount against its capacity.
  public struct ShelterFill: Sendable, Equatable {
    public var facility: String
    public var occupants: Int
    public var capacity: Int

    public init(facility: String, occupants: Int, capacity: Int) {
      self.facility = facility
      self.occupants = occupants
      self.capacity = capacity
    }
  }

  /// Where a team is and what it does.
  public struct TeamState: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var x: Double
    public var y: Double
    /// What the team does, as the response model names it ("idle", "travelling").
    public var status: String

    public init(id: String, kind: String, x: Double, y: Double, status: String) {
      self.id = id
      self.kind = kind
      self.x = x
      self.y = y
      self.status = status
    }
  }

  /// A depot's stock per item, items sorted by name.
  public struct DepotStock: Sendable, Equatable {
    public var facility: String
    public var items: [(item: String, quantity: Double)]

    public init(facility: String, items: [(item: String, quantity: Double)]) {
      self.facility = facility
      self.items = items
    }

    public static func == (a: DepotStock, b: DepotStock) -> Bool {
      a.facility == b.facility && a.items.count == b.items.count
        && zip(a.items, b.items).allSatisfy { $0.item == $1.item && $0.quantity == $1.quantity }
    }
  }

  /// An active outage: "power", "network" or "road", and what it cuts.
  public struct Outage: Sendable, Equatable {
    public var kind: String
    public var target: String

    public init(kind: String, target: String) {
      self.kind = kind
      self.target = target
    }
  }

  /// A metric's latest value.
  public struct MetricValue: Sendable, Equatable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
      self.name = name
      self.value = value
    }
  }
}
