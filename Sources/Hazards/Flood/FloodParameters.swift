/// Numerical settings of the flood solver, with LISFLOOD-FP's defaults.
///
/// The defaults are those of LISFLOOD-FP's acceleration solver (read from
/// its `lisflood.cpp` defaults block; reference/hazards.md §1.2), so runs
/// compare with published LISFLOOD-FP results without re-tuning.
public struct FloodParameters: Sendable, Equatable {
  /// Courant factor alpha in `dt = alpha dx / sqrt(g h_max)` (LISFLOOD `cfl`).
  public var alpha = 0.7
  /// The q-centred weight theta (de Almeida 2012); 1 gives Bates (2010).
  public var theta = 1.0
  /// A face carries flow only when its flow depth exceeds this (m; `DepthThresh`).
  public var depthThreshold = 1e-3
  /// Cap on a face's flow depth (m; `MaxHflow`).
  public var maxFlowDepth = 10.0
  /// Longest step (s; `InitTstep`), also the step while everything is shallower
  /// than `depthThreshold`.
  public var maxTimeStep = 10.0
  /// Gravity (m/s2), LISFLOOD's value.
  public var gravity = 9.80655
  /// Friction from the full discharge magnitude (both directions, LISFLOOD's
  /// `fricSolver2D`, on by default) rather than the face-normal component.
  public var twoDimensionalFriction = true
  /// Sweep only wet cells plus a one-cell ring (true) or every cell (false).
  ///
  /// Both give bit-identical results; the whole-grid sweep exists to check
  /// that and to measure what the list saves.
  public var wetCellList = true
  /// Which compiled inner loops run: AVX2 where the CPU has it (`.avx2`
  /// falls back to `.portable` elsewhere).
  ///
  /// Both give bit-identical results; the portable loops can be chosen to
  /// check that and to measure what AVX2 saves.
  public var kernel = FloodKernel.fastest

  public init() {}

  /// Checks ranges; the solver refuses parameters that make no sense.
  public func validate() throws {
    guard alpha > 0, alpha <= 1 else { throw HazardsError("flood.alpha", "must be in (0, 1]") }
    guard theta >= 0, theta <= 1 else { throw HazardsError("flood.theta", "must be in [0, 1]") }
    guard depthThreshold > 0, depthThreshold.isFinite else {
      throw HazardsError("flood.depth_threshold", "must be positive")
    }
    guard maxFlowDepth > depthThreshold, maxFlowDepth.isFinite else {
      throw HazardsError("flood.max_flow_depth", "must exceed the depth threshold")
    }
    guard maxTimeStep > 0, maxTimeStep.isFinite else {
      throw HazardsError("flood.max_time_step", "must be positive")
    }
    guard gravity > 0, gravity.isFinite else {
      throw HazardsError("flood.gravity", "must be positive")
    }
  }
}
