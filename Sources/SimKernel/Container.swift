/// A continuous level between zero and a capacity (water in a tank, fuel in
/// a depot), as SimPy's Container: `put` waits for room, `get` for stock.
///
/// Both queues are first come, first served, and a request at the head
/// blocks those behind it, so a large order is not starved by small ones.
public final class Container {
  public let name: String
  public let capacity: Double
  public private(set) var level: Double
  /// Time-weighted level.
  public private(set) var levelHistory: TimeWeighted
  /// Waiting time of completed gets, in seconds.
  public private(set) var getWaits = Tally()

  struct Pending {
    let amount: Double
    let since: SimTime
    let done: () -> Bool
  }
  var puts: [Pending] = []
  var gets: [Pending] = []

  public init(name: String, capacity: Double, level: Double, at time: SimTime = .zero) {
    precondition(capacity > 0 && level >= 0 && level <= capacity, "bad container")
    self.name = name
    self.capacity = capacity
    self.level = level
    levelHistory = TimeWeighted(level: level, at: time)
  }

  /// Adds `amount` now if it fits and nobody waits to put; else false.
  public func tryPut(_ amount: Double, at time: SimTime) -> Bool {
    guard puts.isEmpty, level + amount <= capacity else { return false }
    change(by: amount, at: time)
    settle(at: time)
    return true
  }

  /// Takes `amount` now if it is there and nobody waits to get; else false.
  public func tryGet(_ amount: Double, at time: SimTime) -> Bool {
    guard gets.isEmpty, level >= amount else { return false }
    change(by: -amount, at: time)
    getWaits.record(0)
    settle(at: time)
    return true
  }

  /// Queues a put; `done` is called once the amount went in.
  public func enqueuePut(_ amount: Double, at time: SimTime, done: @escaping () -> Bool) {
    puts.append(Pending(amount: amount, since: time, done: done))
  }

  /// Queues a get; `done` is called once the amount came out.
  public func enqueueGet(_ amount: Double, at time: SimTime, done: @escaping () -> Bool) {
    gets.append(Pending(amount: amount, since: time, done: done))
  }

  /// Serves queued puts and gets until neither can progress.
  func settle(at time: SimTime) {
    var progressed = true
    while progressed {
      progressed = false
      if let put = puts.first, level + put.amount <= capacity {
        puts.removeFirst()
        if put.done() { change(by: put.amount, at: time) }
        progressed = true
      }
      if let get = gets.first, level >= get.amount {
        gets.removeFirst()
        if get.done() {
          change(by: -get.amount, at: time)
          getWaits.record((time - get.since).seconds)
        }
        progressed = true
      }
    }
  }

  func change(by delta: Double, at time: SimTime) {
    level = Swift.min(capacity, Swift.max(0, level + delta))
    levelHistory.record(level, at: time)
  }
}
