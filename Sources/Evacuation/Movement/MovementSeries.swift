import SimKernel

/// The movement's time series, sampled every `Options.sampleInterval`
/// from the first order while anyone is unsettled, and once more when the
/// last one settles.
///
/// Queued units are those on a link whose free-flow time is over but who
/// have not left it: waiting for the flow gap or for room downstream.
/// Shelter occupancy is kept only where it changed since the last sample,
/// so a county of thousands of shelters does not write thousands of flat
/// lines.
public struct MovementSeries: Sendable {
  /// Sample times.
  public internal(set) var times: [SimTime] = []
  /// Persons admitted to shelters, per sample.
  public internal(set) var safePersons: [Int] = []
  /// Persons who have set off, per sample.
  public internal(set) var departedPersons: [Int] = []
  /// Vehicles queued on all links, per sample.
  public internal(set) var queuedVehicles: [Int] = []
  /// Walkers queued on all links, per sample.
  public internal(set) var queuedPersons: [Int] = []
  /// Shelter occupancy where it changed: time, shelter index, persons.
  public internal(set) var occupancy: [(time: SimTime, shelter: Int, persons: Int)] = []
}

extension QueueNetwork {
  /// The series sampled so far.
  public var timeSeries: MovementSeries { series }

  /// Starts sampling (at `now`) if it is not running.
  func startSampling(now: Int64) {
    guard !sampling else { return }
    sampling = true
    nextSample = now
  }

  /// Records the samples due by `now`, before the event at `now` acts.
  ///
  /// The state is constant between events, so a sample taken here is
  /// exact for its own time. No sampling event is ever queued, so
  /// sampling neither keeps a run going nor moves its end.
  @inline(__always) func catchUpSamples(now: Int64) {
    guard sampling, now >= nextSample else { return }
    while nextSample <= now {
      sample(now: nextSample)
      nextSample += max(1, options.sampleInterval.ms)
    }
  }

  /// Records one sample at `now` (once per instant).
  func sample(now: Int64) {
    if let last = series.times.last, last.ms == now { return }
    // Only arcs with travellers on them (sums and maxima do not depend on
    // the order they are visited in).
    var queued = (walk: 0, drive: 0)
    for slot in queues.occupied.lazy.map({ Int($0) }) {
      let waiting = queuedUnits(slot, now: now)
      if slot < arcCount { queued.walk += Int(waiting) } else { queued.drive += Int(waiting) }
      queues.spills[slot].maxQueued = max(queues.spills[slot].maxQueued, waiting)
    }
    let time = SimTime(ms: now)
    series.times.append(time)
    series.safePersons.append(personsSafe)
    series.departedPersons.append(personsDeparted)
    series.queuedPersons.append(queued.walk)
    series.queuedVehicles.append(queued.drive)
    for s in shelters.occupancy.indices where shelters.occupancy[s] != lastSampledOccupancy[s] {
      series.occupancy.append((time, s, shelters.occupancy[s]))
      lastSampledOccupancy[s] = shelters.occupancy[s]
    }
    onSample?(time)
  }

  /// Units at the front of slot `slot`'s FIFO whose free-flow time is
  /// over at `now`: waiting for the flow gap or for room downstream.
  func queuedUnits(_ slot: Int, now: Int64) -> Int32 {
    var waiting: Int32 = 0
    var t = queues.arcs[slot].head
    while t >= 0, travellers.motion[Int(t)].readyAt <= now {
      waiting += units(Int(t))
      t = travellers.motion[Int(t)].next
    }
    return waiting
  }

  /// The most units of `mode` seen queued on each link (either
  /// direction) at a sample: vehicles for driving, persons for walking.
  public func linkQueueMaxima(mode: TravellerMode) -> [Int] {
    let base = Int(mode.rawValue) * arcCount
    return (0..<township.links.count).map { link in
      Int(
        max(
          queues.spills[base + 2 * link].maxQueued, queues.spills[base + 2 * link + 1].maxQueued))
    }
  }
}
