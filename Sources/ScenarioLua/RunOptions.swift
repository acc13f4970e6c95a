import LuaHost
import SimKernel

/// How to run a scenario: what the command line can change.
public struct RunOptions {
  /// Overrides the scenario's own seed.
  public var seed: UInt64?
  /// `--param name=value` overrides, in the order given.
  public var params: [(name: String, text: String)]
  public var limits: LuaLimits
  /// Where `print` and `sim.log` lines go as they happen.
  public var log: (String) -> Void
  /// Replication number for stream seeds (sweeps).
  public var replication: Int
  /// Called now and then during a run with the sim time reached and the
  /// events processed (every 65 536 process resumptions), for progress
  /// displays; it must not touch the run.
  public var progress: ((SimTime, Int) -> Void)?
  /// When set, the flood records when each cell first gets deeper than
  /// this (m) at each flood step, for arrival maps (`drillsim hazard`).
  public var floodArrivalDepth: Double?

  public init(
    seed: UInt64? = nil, params: [(name: String, text: String)] = [],
    limits: LuaLimits = RunOptions.defaultLimits, replication: Int = 0,
    log: @escaping (String) -> Void = { _ in }
  ) {
    self.seed = seed
    self.params = params
    self.limits = limits
    self.replication = replication
    self.log = log
  }

  /// 10^10 instructions (minutes of pure Lua, far beyond any township
  /// scenario's needs) and 1 GiB of Lua memory.
  public static let defaultLimits = LuaLimits(instructions: 10_000_000_000, memoryBytes: 1 << 30)
}
