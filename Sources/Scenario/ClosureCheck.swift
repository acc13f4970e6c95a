import SimKernel

/// A check of the vehicles on their way, run once per instant after the
/// map's closures changed, however many links a flood step or a fire
/// front closed in it.
///
/// Teams (ResponseModel) and supply trucks (SupplyModel) hear of closures
/// this one way: the map tells every observer of every closure as it is
/// set, and the check runs at the end of that instant (a zero-delay
/// event), when the network is complete again. No one polls.
final class ClosureCheck {
  private let simulator: Simulator
  private let isNeeded: () -> Bool
  private let check: () -> Void
  private var pending = false

  /// Runs `check` after closures change on `map`.
  ///
  /// Only when `isNeeded` says something is on its way. Neither closure
  /// may hold its owner strongly (the map holds this check).
  init(
    map: LiveMap, simulator: Simulator, isNeeded: @escaping () -> Bool,
    check: @escaping () -> Void
  ) {
    self.simulator = simulator
    self.isNeeded = isNeeded
    self.check = check
    map.observeClosures { [weak self] _, _ in self?.closuresChanged() }
  }

  private func closuresChanged() {
    guard !pending, isNeeded() else { return }
    pending = true
    simulator.schedule(after: .zero) { [weak self] in
      guard let self else { return }
      self.pending = false
      self.check()
    }
  }
}
