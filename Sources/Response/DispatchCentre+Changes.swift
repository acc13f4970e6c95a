/// Team changes dispatch must hear of.
extension DispatchCentre {
  /// Team `team` became available or moved while available: queued
  /// incidents that found no team ask it (see `assignQueued()`).
  func teamChanged(_ team: Int) {
    teamsEpoch += 1
    teamChangedAt[team] = teamsEpoch
  }
}
