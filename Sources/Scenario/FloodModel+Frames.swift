/// The flood's frame section: depth per cell in whole centimetres.
///
/// The water is read as the last flood step left it, never advanced here:
/// advancing the solver to a frame's time would change its adaptive steps
/// and so the run's results.
extension FloodModel: FrameSource {
  public func contribute(to frame: inout FrameSnapshot) {
    let grid = solver.grid
    let geometry = RasterLayer.Geometry(
      columns: grid.ncols, rows: grid.nrows, cellSize: grid.cellSize, west: grid.xllcorner,
      south: grid.yllcorner)
    let centimetres = solver.depths().map { depth -> Int32 in
      let cm = (depth * 100).rounded()
      return cm.isFinite ? Int32(max(0, min(cm, 1e9))) : 0
    }
    frame.flood = RasterLayer(geometry: geometry, background: 0, values: centimetres)
  }
}
