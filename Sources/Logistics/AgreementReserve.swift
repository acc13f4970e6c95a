import SimKernel

/// A supplier's agreement reserve (协议储备): stock held elsewhere that
/// reaches a depot `leadTime` after it is called off.
public struct AgreementReserve: Sendable {
  public let id: String
  public let supplier: String
  public let item: SupplyItem
  public let amount: Double
  public let leadTime: SimTime
  /// Index of the receiving depot in `SupplyNetwork.sites`.
  public let depot: Int
  public internal(set) var calledOff: SimTime?
}
