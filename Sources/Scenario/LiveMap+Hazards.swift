import Township

/// Closures a hazard makes, per mode, beside the script's own.
///
/// A flood closes a road to cars before it stops walkers (DESIGN.md §4:
/// 0.3 m and 0.5 m), so a hazard closes a link for driving, walking or
/// both. A link is closed for a mode while the script or a hazard closes
/// it: the script reopening a link does not lift a flood, and the water
/// receding does not undo the script's closure.
extension LiveMap {
  /// Which modes a hazard closes a link for.
  public struct HazardClosure: Sendable, Equatable {
    public var driving: Bool
    public var walking: Bool

    public init(driving: Bool, walking: Bool) {
      self.driving = driving
      self.walking = walking
    }

    /// Open for every mode.
    public static let none = HazardClosure(driving: false, walking: false)
  }

  /// Sets the hazard closure of a link; false for an unknown id.
  @discardableResult
  public func setHazardClosure(link id: String, _ closure: HazardClosure) -> Bool {
    guard township.linkIndex(of: id) != nil else { return false }
    hazardClosures[id] = closure == .none ? nil : closure
    applyClosures(of: id)
    return true
  }

  /// The hazard closure of a link (`.none` when no hazard closes it).
  public func hazardClosure(link id: String) -> HazardClosure {
    hazardClosures[id] ?? .none
  }

  /// Whether a link is closed for driving and for walking right now, or nil
  /// for an unknown id.
  public func closedModes(link id: String) -> HazardClosure? {
    guard let index = township.linkIndex(of: id) else { return nil }
    return HazardClosure(
      driving: driving.isClosed(linkIndex: index), walking: walking.isClosed(linkIndex: index))
  }

  /// Points along a link's shape no further apart than `spacing` metres:
  /// where a hazard raster is sampled to decide whether the link is cut.
  public func samplePoints(link index: Int, spacing: Double) -> [MapPoint] {
    let link = township.links[index]
    let shape =
      link.shape.count >= 2
      ? link.shape : [township.nodes[link.from].position, township.nodes[link.to].position]
    var points = [shape[0]]
    for k in shape.indices.dropFirst() {
      let a = shape[k - 1]
      let b = shape[k]
      let pieces = max(1, Int((a.distance(to: b) / spacing).rounded(.up)))
      for i in 1...pieces {
        let f = Double(i) / Double(pieces)
        points.append(MapPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y)))
      }
    }
    return points
  }

  /// Makes both routers agree with the script's and the hazards' closures.
  func applyClosures(of id: String) {
    let script = closedByScript.contains(id)
    let hazard = hazardClosures[id] ?? .none
    if script || hazard.driving { driving.close(linkID: id) } else { driving.open(linkID: id) }
    if script || hazard.walking { walking.close(linkID: id) } else { walking.open(linkID: id) }
    guard !closureObservers.isEmpty, let index = township.linkIndex(of: id) else { return }
    let closed = HazardClosure(driving: script || hazard.driving, walking: script || hazard.walking)
    for observer in closureObservers { observer(index, closed) }
  }

  /// Calls `observer` with a link's index and the modes it is closed for
  /// whenever the script or a hazard sets its closures (also when nothing
  /// changed), so models that move people see every closure.
  public func observeClosures(_ observer: @escaping (Int, HazardClosure) -> Void) {
    closureObservers.append(observer)
  }
}
