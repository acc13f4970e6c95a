/// Numerical settings of the flood solver.
///
/// LISFLOOD-FP's acceleration-solver defaults (reference/hazards.md §1.2)
/// except two: theta 0.7 instead of 1 and alpha 0.6 instead of 0.7.
/// With LISFLOOD-FP's pair, water that should come to rest does not: a
/// closed 100 m box filled through a breach keeps sloshing with a
/// half-metre swing for hours (and pumps its pool out below the plain),
/// and deep water in a one-cell river channel swings cell against cell
/// until it stands 15 m deep (the 10k county drill). Theta 0.7 is de
/// Almeida et al.'s (2012) damping, at the low end of their recommended
/// 0.7-1 (Itzi uses it); alpha 0.6 keeps the step clear of the
/// two-dimensional limit 1/sqrt(2), within Bates et al.'s (2010) 0.2-0.7.
/// Both cases settle with the pair, and neither setting alone is enough
/// (`FloodSchemeStabilityTests`; docs/performance.md). Set `theta = 1`
/// and `alpha = 0.7` to compare with published LISFLOOD-FP runs.
public struct FloodParameters: Sendable, Equatable {
  /// Courant factor alpha in `dt = alpha dx / sqrt(g h_max)` (LISFLOOD
  /// `cfl`, whose default is 0.7).
  public var alpha = 0.6
  /// The q-centred weight theta (de Almeida 2012); 1 gives Bates (2010),
  /// LISFLOOD-FP's default.
  public var theta = 0.7
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
