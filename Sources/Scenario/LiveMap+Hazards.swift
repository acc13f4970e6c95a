import Township

/// Closures a hazard makes, per mode, beside the script's own.
///
/// A flood closes a road to cars before it stops walkers (DESIGN.md §4:
/// 0.3 m and 0.5 m), so a hazard closes a link for driving, walking or
/// both. A link is closed for a mode while the script or a hazard closes
/// it: the script reopening a link does not lift a flood, and the water
/// receding does not undo the script's closure. Each hazard (flood, fire,
/// an outage's road cut) keeps its own closure of a link, so the water
/// receding does not reopen a road the fire still closes.
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
    /// Closed for every mode.
    public static let all = HazardClosure(driving: true, walking: true)
  }

  /// Sets the closure hazard `source` makes of a link; false for an
  /// unknown id.
  @discardableResult
  public func setHazardClosure(
    link id: String, _ closure: HazardClosure, source: String = "flood"
  ) -> Bool {
    guard township.linkIndex(of: id) != nil else { return false }
    var list = hazardClosures[id] ?? []
    if let k = list.firstIndex(where: { $0.source == source }) {
      if closure == .none { list.remove(at: k) } else { list[k].closure = closure }
    } else if closure != .none {
      list.append((source, closure))
    }
    hazardClosures[id] = list.isEmpty ? nil : list
    applyClosures(of: id)
    return true
  }

  /// The closure hazard `source` makes of a link (`.none` when it does not
  /// close it).
  public func hazardClosure(link id: String, source: String = "flood") -> HazardClosure {
    hazardClosures[id]?.first { $0.source == source }?.closure ?? .none
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
    var hazard = HazardClosure.none
    for entry in hazardClosures[id] ?? [] {
      hazard.driving = hazard.driving || entry.closure.driving
      hazard.walking = hazard.walking || entry.closure.walking
    }
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
