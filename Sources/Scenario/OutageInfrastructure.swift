import Evacuation
import SimKernel

/// The warning channels' view of the run's outages: power and network per
/// zone from the `OutageBoard`, by zone index.
///
/// The board is looked up at each question, so a board the script creates
/// after the first warning (at its first `sim.outage` call) still counts;
/// without one everything is up.
public struct OutageInfrastructure: InfrastructureStatus {
  /// Zone ids by index (the roster's and the map's zone order).
  let zoneIDs: [String]
  let board: () -> OutageBoard?

  public init(zoneIDs: [String], board: @escaping () -> OutageBoard?) {
    self.zoneIDs = zoneIDs
    self.board = board
  }

  public func hasPower(zone: Int, at time: SimTime) -> Bool {
    board()?.hasPower(zone: zoneIDs[zone], at: time.seconds) ?? true
  }

  public func hasNetwork(zone: Int, at time: SimTime) -> Bool {
    board()?.hasNetwork(zone: zoneIDs[zone], at: time.seconds) ?? true
  }
}
