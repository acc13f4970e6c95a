/// What a cut takes away: the "road cut, network cut, power cut" (三断) of
/// a township in an extreme flood or fire.
///
/// Power and network are lost per zone (a village without electricity or
/// signal); roads are lost per link.
public enum OutageKind: String, Sendable, CaseIterable {
  case power
  case network
  case road
}
