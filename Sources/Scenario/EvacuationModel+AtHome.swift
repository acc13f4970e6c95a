import Evacuation

/// Who is at home now, read per household from its traveller's state.
///
/// A household is at home until its traveller sets off (never released,
/// or released but not departed yet) and again once it is back from a
/// shelter. Exposure is sampled every 60 s and the trapped watch at every
/// flood step: reading one household's state costs O(1) and nothing is
/// allocated, and the network's running count of travellers away lets a
/// sample skip the roster when nobody is home.
extension EvacuationModel {
  /// Households at home now (each household has at most one traveller).
  public var householdsAtHomeCount: Int { roster.count - network.travellersAway }

  /// Whether household `household` is at home now.
  public func isAtHome(household: Int) -> Bool {
    let t = Int(householdTraveller[household])
    return t < 0 || network.isAtHome(t)
  }
}
