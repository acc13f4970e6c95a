/// What happens at one edge of the flood grid.
///
/// Edges are closed unless a scenario opens them: a township raster usually
/// ends where the modelled area does, and a wall there keeps every litre
/// accounted for.
public enum FloodBoundary: Sendable, Equatable {
  /// A wall: no flow across the edge.
  case closed
  /// Free outflow: water leaves at the local water-surface slope across the
  /// edge cell's inner face (zero slope gradient), or at `slope` if given
  /// (normal depth on a known bed slope). Water never enters here.
  case free(slope: Double?)
  /// A water level (m, same datum as the bed) outside the edge: a ghost
  /// cell with that level and the edge cell's bed, through the normal face
  /// formula (LISFLOOD's HFIX/HVAR). Water can enter or leave.
  case level(FloodSeries)
}

/// The four edges' boundaries; north is row 0.
public struct FloodBoundaries: Sendable, Equatable {
  public var north: FloodBoundary
  public var south: FloodBoundary
  public var east: FloodBoundary
  public var west: FloodBoundary

  public init(
    north: FloodBoundary = .closed, south: FloodBoundary = .closed,
    east: FloodBoundary = .closed, west: FloodBoundary = .closed
  ) {
    self.north = north
    self.south = south
    self.east = east
    self.west = west
  }

  /// Every edge closed.
  public static let closed = FloodBoundaries()
}
