import Foundation
import Hazards
import Testing

/// The AVX2 and the portable inner loops give the same bits.
///
/// `CFloodKernel` builds the face update, the limiter and continuity twice,
/// and the solver picks one at run time. Every case here runs with both
/// and compares depths, greatest depths and both discharge rasters bit for
/// bit: the four face-update forms (one- and two-dimensional friction,
/// centred or not), a flow depth capped by `maxFlowDepth`, the wet-cell
/// list and the whole-grid sweep, and rain, an inflow and open edges
/// (whose continuity sweeps the whole grid). On a machine without AVX2
/// both runs take the portable loops, and the suite checks only that.
@Suite struct FloodKernelTests {
  /// Depths, greatest depths and discharges after `steps` steps of a dam
  /// break on a bumpy bed, with the given settings and kernel.
  private func run(
    _ kernel: FloodKernel, theta: Double = 1, twoDimensional: Bool = true,
    wetList: Bool = true, maxFlowDepth: Double = 10, sources: Bool = false, steps: Int = 200
  ) throws -> [UInt64] {
    let (ncols, nrows) = (38, 27)  // rows of 38 cells: spans end in every lane
    let grid = try FloodTestSupport.bumpyGrid(ncols: ncols, nrows: nrows)
    var parameters = FloodParameters()
    parameters.theta = theta
    parameters.twoDimensionalFriction = twoDimensional
    parameters.wetCellList = wetList
    parameters.maxFlowDepth = maxFlowDepth
    parameters.kernel = kernel
    let boundaries =
      sources
      ? FloodBoundaries(east: .free(slope: nil), west: .level(FloodSeries(constant: 1.9)))
      : .closed
    let solver = try FloodSolver(grid: grid, parameters: parameters, boundaries: boundaries)
    var depths = Array(repeating: 0.0, count: ncols * nrows)
    let bed = FloodTestSupport.bumpyBed(ncols: ncols, nrows: nrows)
    for row in 0..<nrows {
      for col in 0..<(7 + row % 6) {
        depths[row * ncols + col] = max(2.1 - bed[row * ncols + col], 0)
      }
    }
    try solver.setDepths(depths)
    if sources {
      try solver.setRain(mmPerHour: 60, from: 0, to: 300)
      try solver.addInflow(x: 140, y: 70, hydrograph: try FloodSeries([(0, 2), (600, 0.5)]))
    }
    for _ in 0..<steps { solver.step() }
    let rasters = [
      solver.depths(), solver.maxDepths(), solver.eastwardDischarges(),
      solver.southwardDischarges(),
    ]
    return rasters.flatMap { $0.map(\.bitPattern) }
  }

  /// The two kernels' results for the same settings, and whether the water
  /// went anywhere (so the comparison is not of still water).
  private func compare(
    theta: Double = 1, twoDimensional: Bool = true, wetList: Bool = true,
    maxFlowDepth: Double = 10, sources: Bool = false
  ) throws {
    let fast = try run(
      .avx2, theta: theta, twoDimensional: twoDimensional, wetList: wetList,
      maxFlowDepth: maxFlowDepth, sources: sources)
    let portable = try run(
      .portable, theta: theta, twoDimensional: twoDimensional, wetList: wetList,
      maxFlowDepth: maxFlowDepth, sources: sources)
    let cells = fast.count / 4
    let moving = fast[(2 * cells)...].filter { Double(bitPattern: $0) != 0 }.count
    #expect(moving > cells / 4)
    let differing = zip(fast, portable).filter { $0 != $1 }.count
    #expect(differing == 0)
  }

  @Test(arguments: [(1.0, true), (1.0, false), (0.7, true), (0.7, false)])
  func faceUpdateFormsGiveTheSameBits(theta: Double, twoDimensional: Bool) throws {
    try compare(theta: theta, twoDimensional: twoDimensional)
  }

  @Test func cappedFlowDepthGivesTheSameBits() throws {
    try compare(theta: 0.7, maxFlowDepth: 0.4)
  }

  @Test func wholeGridSweepGivesTheSameBits() throws {
    try compare(theta: 0.7, wetList: false)
  }

  @Test func rainInflowAndOpenEdgesGiveTheSameBits() throws {
    try compare(sources: true)
    try compare(theta: 0.7, wetList: false, sources: true)
  }

  /// The AVX2 loops run wherever the CPU says it has AVX2 (Linux lists it
  /// in /proc/cpuinfo), and the solver takes them by default there.
  @Test func avx2IsUsedWhereTheCPUHasIt() throws {
    #if arch(x86_64) && os(Linux)
    let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
    let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    let listed = flags.split(separator: " ").contains("avx2")
    #expect(FloodKernel.avx2Available == listed)
    #endif
    if ProcessInfo.processInfo.environment["DRILLSIM_FLOOD_KERNEL"] == nil {
      #expect(FloodKernel.fastest == (FloodKernel.avx2Available ? .avx2 : .portable))
      #expect(FloodParameters().kernel == FloodKernel.fastest)
    }
  }
}
