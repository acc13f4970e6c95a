import Hazards
import LuaHost
import Scenario

/// `sim.flood.edges`: what happens where the terrain raster ends.
///
/// Edges are closed by default, which keeps every litre on the grid. A
/// raster cut out of a longer valley ends where the river goes on, and a
/// wall there piles the river's water up against it; an edge declared
/// `"free"` lets water out at the local water-surface slope, and a number
/// lets it out at normal depth on that bed slope (m/m). Edges left out
/// keep their condition. The flood is caught up to now first, so the
/// change takes effect from the call's time.
extension LuaScenario {
  /// The edge names, in the order `FloodBoundaries` lists them.
  static var floodEdges: [(String, WritableKeyPath<FloodBoundaries, FloodBoundary>)] {
    [("north", \.north), ("south", \.south), ("east", \.east), ("west", \.west)]
  }

  func bindFloodEdges(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.flood.edges", "flood_edges") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: Self.floodEdges.map(\.0))
      let flood = try self.requireFlood(call)
      var boundaries = flood.boundaries
      for (name, path) in Self.floodEdges {
        let value = call.field(1, name) { call.value(at: $0, depth: 1) }
        if let edge = try self.floodEdge(call, name, value) { boundaries[keyPath: path] = edge }
      }
      self.catchUpFlood(on: call)
      do {
        try flood.setBoundaries(boundaries)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
  }

  /// One edge's condition from its field: "closed", "free" or a bed slope;
  /// nil when the field is absent.
  func floodEdge(_ call: LuaCall, _ name: String, _ value: LuaValue) throws(LuaCallError)
    -> FloodBoundary?
  {
    switch value {
    case .nil: return nil
    case .string("closed"): return .closed
    case .string("free"): return .free(slope: nil)
    default:
      guard let slope = Self.number(value) else {
        throw call.argumentError(
          1, "field '\(name)' must be 'closed', 'free' or a bed slope (number)")
      }
      guard slope >= 0, slope.isFinite else {
        throw call.argumentError(1, "field '\(name)' must be a bed slope >= 0, got \(slope)")
      }
      return .free(slope: slope)
    }
  }
}
