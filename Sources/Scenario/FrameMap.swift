import Township

/// The map as a viewer draws it: link shapes, zones and facilities.
///
/// A copy of what does not change during a run, in the local metric frame,
/// so a frames file can be replayed without the scenario or its map file.
public struct FrameMap: Sendable, Equatable {
  public struct Link: Sendable, Equatable {
    public var id: String
    /// "road" or "path".
    public var mode: String
    /// x, y pairs of the link's shape (m), from its start to its end.
    public var points: [Double]

    public init(id: String, mode: String, points: [Double]) {
      self.id = id
      self.mode = mode
      self.points = points
    }
  }

  public struct Zone: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var x: Double
    public var y: Double
    public var population: Int
    public var grid: String?

    public init(id: String, name: String?, x: Double, y: Double, population: Int, grid: String?) {
      self.id = id
      self.name = name
      self.x = x
      self.y = y
      self.population = population
      self.grid = grid
    }
  }

  public struct Facility: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var name: String?
    public var x: Double
    public var y: Double
    public var capacity: Int?

    public init(id: String, kind: String, name: String?, x: Double, y: Double, capacity: Int?) {
      self.id = id
      self.kind = kind
      self.name = name
      self.x = x
      self.y = y
      self.capacity = capacity
    }
  }

  public var links: [Link]
  public var zones: [Zone]
  /// Grid ids in map order (the order of `FrameSnapshot.grids`).
  public var grids: [String]
  public var facilities: [Facility]

  public init(links: [Link], zones: [Zone], grids: [String], facilities: [Facility]) {
    self.links = links
    self.zones = zones
    self.grids = grids
    self.facilities = facilities
  }

  /// The township's geometry, coordinates rounded to decimetres.
  public init(township: Township) {
    func round(_ v: Double) -> Double { (v * 10).rounded() / 10 }
    links = township.links.map { link in
      let shape =
        link.shape.count >= 2
        ? link.shape : [township.nodes[link.from].position, township.nodes[link.to].position]
      return Link(
        id: link.id, mode: link.mode.rawValue,
        points: shape.flatMap { [round($0.x), round($0.y)] })
    }
    zones = township.zones.map { zone in
      Zone(
        id: zone.id, name: zone.name, x: round(zone.position.x), y: round(zone.position.y),
        population: zone.population, grid: zone.grid)
    }
    grids = township.grids.map(\.id)
    facilities = township.facilities.map { f in
      Facility(
        id: f.id, kind: f.kind.rawValue, name: f.name, x: round(f.position.x),
        y: round(f.position.y), capacity: f.capacity)
    }
  }
}
