import SimKernel

/// Where travellers are now: for exposure to hazards and replay frames.
extension QueueNetwork {
  /// True while traveller `index` has not set off.
  public func isWaiting(_ index: Int) -> Bool { travellers.motion[index].state == .waiting }

  /// Persons on each link now (both directions, walking and driving),
  /// including those turning back off a closed one.
  public func personsOnLinks() -> [Int] {
    var persons = [Int](repeating: 0, count: township.links.count)
    for t in 0..<travellers.count
    where travellers.motion[t].state == .moving && travellers.motion[t].arc >= 0 {
      persons[Int(travellers.motion[t].arc) / 2] += Int(travellers.motion[t].persons)
    }
    return persons
  }

  /// Units of `mode` queued on each link now (both directions): those whose
  /// free-flow time is over but who have not left it.
  public func queuedOnLinks(mode: TravellerMode, now: SimTime) -> [Int] {
    let base = Int(mode.rawValue) * arcCount
    var queued = [Int](repeating: 0, count: township.links.count)
    for slot in queues.occupied.lazy.map({ Int($0) }) where slot / arcCount == Int(mode.rawValue) {
      queued[(slot - base) / 2] += Int(queuedUnits(slot, now: now.ms))
    }
    return queued
  }
}
