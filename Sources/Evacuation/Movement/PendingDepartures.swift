/// The departures not yet due, kept in sorted runs outside the kernel's
/// queue, which holds only the earliest of them (the departure cursor).
///
/// An order puts every household of its zones on the network at once, each
/// with its own departure time: 915k departures in a 1 M county, all pending
/// from the order until the last one leaves an hour or more later. Queued as
/// kernel events they filled the event queue with work not yet in flight, so
/// every queue operation of the run worked on a structure far bigger than
/// the cache. Here a batch of departures is sorted once, the first time one
/// of them is due, and then read in order from a contiguous run; the kernel
/// holds one departure event at a time.
///
/// Each departure keeps the kernel key it would have had as an event of its
/// own: its time and a sequence number reserved when it was added
/// (`Simulator.reserveSequence`). Runs are sorted by that key and the store
/// hands out its minimum, so departures reach the kernel, and tie with the
/// other events of their instant, in exactly the order they did as events.
///
/// A departure added with a key below the store's minimum (a household
/// warned late but leaving sooner than anyone pending) is "armed" at once:
/// it gets its kernel event when added. Otherwise only the minimum is armed,
/// when it becomes the minimum, so at any time the minimum has exactly one
/// kernel event pending and each departure is scheduled exactly once.
struct PendingDepartures {
  /// One departure: its kernel key and its traveller.
  struct Entry {
    var time: Int64
    var sequence: UInt64
    var traveller: Int32
    /// Whether its kernel event is scheduled.
    var armed: Bool

    @inline(__always) static func precedes(_ a: Entry, _ b: Entry) -> Bool {
      a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
  }

  /// A sorted run, read from `next` on.
  struct Run {
    var entries: [Entry]
    var next = 0
    var remaining: Int { entries.count - next }
  }

  /// Sorted runs; each is merged with the one before it while that one has
  /// no more left than it holds, so there are O(log n) runs.
  private(set) var runs: [Run] = []
  /// Added since the last `settle()`, in sequence order, unsorted by time.
  private(set) var incoming: [Entry] = []
  /// The store's minimum key (time, sequence); nil when empty.
  private var minimum: (time: Int64, sequence: UInt64)?

  /// Adds a departure; returns true when it becomes the new minimum, so
  /// its kernel event must be scheduled now (it is then marked armed).
  mutating func insert(traveller: Int, time: Int64, sequence: UInt64) -> Bool {
    var entry = Entry(time: time, sequence: sequence, traveller: Int32(traveller), armed: false)
    let lowest: Bool
    if let minimum {
      lowest = time < minimum.time || (time == minimum.time && sequence < minimum.sequence)
    } else {
      lowest = true
    }
    if lowest {
      entry.armed = true
      minimum = (time, sequence)
    }
    incoming.append(entry)
    return lowest
  }

  /// Reserves room for `n` more departures before the next sort, so a
  /// county-wide order does not grow the list by copying it.
  mutating func reserve(_ n: Int) { incoming.reserveCapacity(incoming.count + n) }

  /// Removes the minimum, which must be traveller `traveller`'s departure
  /// (the one whose kernel event is firing).
  mutating func removeMinimum(traveller: Int) {
    settle()
    guard let r = minimumRun() else {
      preconditionFailure("a departure fired with none pending")
    }
    let entry = runs[r].entries[runs[r].next]
    precondition(Int(entry.traveller) == traveller, "departures out of key order")
    runs[r].next += 1
    if runs[r].remaining == 0 { runs.remove(at: r) }
    minimum = nil
  }

  /// The new minimum after a removal, if it still needs its kernel event:
  /// it is marked armed and returned; nil when it has one or none is left.
  mutating func armMinimum() -> Entry? {
    settle()
    guard let r = minimumRun() else {
      minimum = nil
      return nil
    }
    let entry = runs[r].entries[runs[r].next]
    minimum = (entry.time, entry.sequence)
    guard !entry.armed else { return nil }
    runs[r].entries[runs[r].next].armed = true
    return entry
  }

  /// The run whose next entry is the least, nil when all are empty.
  private func minimumRun() -> Int? {
    var best: Int?
    for r in runs.indices {
      let head = runs[r].entries[runs[r].next]
      if let b = best, !Entry.precedes(head, runs[b].entries[runs[b].next]) { continue }
      best = r
    }
    return best
  }

  /// Sorts the incoming departures into a run and merges it with smaller ones.
  private mutating func settle() {
    guard !incoming.isEmpty else { return }
    var run: [Entry] = []
    swap(&run, &incoming)
    Self.sortByTime(&run)
    while let last = runs.last, last.remaining <= run.count {
      run = Self.merge(last.entries[last.next...], run[...])
      runs.removeLast()
    }
    runs.append(Run(entries: run))
  }

  /// Sorts entries added in sequence order by key: a stable radix sort
  /// on the time (8 bits a pass over the span of times), so ties keep
  /// their sequence order.
  ///
  /// A comparison sort of the 10k county's batch cost about 870
  /// instructions per departure; this costs a few dozen per pass, and a
  /// batch spanning less than 2^24 ms (4.7 h) takes three passes. Eight
  /// bits rather than eleven: 256 scatter streams stay in the first-level
  /// cache (a third fewer first-level write misses in evac-county-100k).
  ///
  /// The batch is sorted where it lies, with one scratch array of its size
  /// that every pass overwrites whole: neither is copied (a 1 M county's
  /// batch is 21 MiB, beyond the last-level cache). A batch added in time
  /// order (an order releases its households so) is left as it is.
  static func sortByTime(_ entries: inout [Entry]) {
    guard let first = entries.first else { return }
    var low = first.time
    var high = first.time
    var previous = first.time
    var inOrder = true
    for entry in entries {
      low = min(low, entry.time)
      high = max(high, entry.time)
      inOrder = inOrder && entry.time >= previous
      previous = entry.time
    }
    if inOrder { return }
    let span = UInt64(bitPattern: high &- low)
    let bits = 8
    let buckets = 1 << bits
    let count = entries.count
    var source: [Entry] = []
    swap(&source, &entries)
    // Each pass writes every index of the target once (a stable counting
    // scatter is a permutation) before the next pass reads it, and an
    // entry is plain data: the scratch needs no initial values.
    var target = [Entry](unsafeUninitializedCapacity: count) { _, initialized in
      initialized = count
    }
    var shift: UInt64 = 0
    while shift == 0 || (shift < 64 && span >> shift > 0) {
      var counts = [Int](repeating: 0, count: buckets + 1)
      for entry in source {
        let digit = Int((UInt64(bitPattern: entry.time &- low) >> shift) & UInt64(buckets - 1))
        counts[digit + 1] += 1
      }
      for d in 0..<buckets { counts[d + 1] += counts[d] }
      for entry in source {
        let digit = Int((UInt64(bitPattern: entry.time &- low) >> shift) & UInt64(buckets - 1))
        target[counts[digit]] = entry
        counts[digit] += 1
      }
      swap(&source, &target)
      shift += UInt64(bits)
    }
    swap(&source, &entries)
  }

  /// Two sorted slices as one sorted array.
  private static func merge(_ a: ArraySlice<Entry>, _ b: ArraySlice<Entry>) -> [Entry] {
    var out: [Entry] = []
    out.reserveCapacity(a.count + b.count)
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex && j < b.endIndex {
      if Entry.precedes(b[j], a[i]) {
        out.append(b[j])
        j += 1
      } else {
        out.append(a[i])
        i += 1
      }
    }
    out.append(contentsOf: a[i...])
    out.append(contentsOf: b[j...])
    return out
  }
}
