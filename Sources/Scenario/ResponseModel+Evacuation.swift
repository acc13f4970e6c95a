import Response
import SimKernel

/// The reporting chain an evacuation order opens.
///
/// Ordering people out is an emergency the village, the township and the
/// county must report on (reference/drill-domain.md §1.4). Opening the
/// chain at the order makes those reports due by the rules in force, so a
/// scenario that never files them shows them as missing rather than
/// reporting nothing at all.
extension ResponseModel {
  /// The reporting-chain event the first evacuation order opens.
  public static let evacuationReportEvent = "evacuation"

  /// Opens `evacuationReportEvent` as occurring at `time`, unless it is
  /// open already (a later order, or the script opened it itself).
  ///
  /// - Returns: whether it opened the event.
  @discardableResult
  public func openEvacuationReports(at time: SimTime) -> Bool {
    let id = ResponseModel.evacuationReportEvent
    guard !reports.events.contains(where: { $0.id == id }) else { return false }
    // Not opened yet, so `open` cannot refuse.
    return (try? reports.open(id, at: time)) != nil
  }
}
