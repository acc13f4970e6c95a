/// The fire's frame section: when the fire reached each cell, in whole
/// seconds (rounded down), `-1` where it has not arrived by the frame.
///
/// Settling the fire up to the frame's time is safe: the search hands out
/// cells in arrival order, so the arrivals do not depend on when they are
/// asked for.
extension FireModel: FrameSource {
  public func contribute(to frame: inout FrameSnapshot) {
    let now = frame.time.seconds
    let geometry = RasterLayer.Geometry(
      columns: landscape.columns, rows: landscape.rows, cellSize: landscape.cellSize,
      west: self.frame.west, south: self.frame.south)
    var layer = RasterLayer(geometry: geometry, background: -1)
    advance(to: now)
    if let spread {
      for ignition in spread.ignitions where ignition.time <= now {
        let cell = ignition.row * geometry.columns + ignition.column
        layer.values[cell] = Int32(ignition.time.rounded(.down))
      }
    }
    frame.fire = layer
  }
}
