/// A store of discrete items with an optional capacity (SimPy's FilterStore):
/// `put` waits for room, `get` waits for an item its filter accepts.
///
/// Getters are served in arrival order, but a getter whose filter accepts
/// none of the items does not block those behind it.
public final class Store<Item> {
  public let name: String
  public let capacity: Int
  public private(set) var items: [Item] = []
  /// Time-weighted number of items held.
  public private(set) var occupancy: TimeWeighted
  /// Waiting time of completed gets, in seconds.
  public private(set) var getWaits = Tally()

  struct Getter {
    let since: SimTime
    let accepts: (Item) -> Bool
    let done: (Item) -> Bool
  }
  struct Putter {
    let item: Item
    let done: () -> Bool
  }
  var getters: [Getter] = []
  var putters: [Putter] = []

  public init(name: String, capacity: Int = .max, at time: SimTime = .zero) {
    precondition(capacity >= 1, "a store needs room for one item")
    self.name = name
    self.capacity = capacity
    occupancy = TimeWeighted(at: time)
  }

  /// Stores `item` now if there is room and nobody waits to put; else false.
  public func tryPut(_ item: Item, at time: SimTime) -> Bool {
    guard putters.isEmpty, items.count < capacity else { return false }
    add(item, at: time)
    settle(at: time)
    return true
  }

  /// Takes the first item `accepts` takes, if any.
  ///
  /// Waiting getters do not block it: after every change they have been
  /// offered every item, so none of them accepts any item now held.
  public func tryGet(at time: SimTime, accepts: (Item) -> Bool) -> Item? {
    guard let index = items.firstIndex(where: accepts) else { return nil }
    getWaits.record(0)
    let item = remove(at: index, time: time)
    settle(at: time)
    return item
  }

  public func enqueuePut(_ item: Item, done: @escaping () -> Bool) {
    putters.append(Putter(item: item, done: done))
  }

  public func enqueueGet(
    at time: SimTime, accepts: @escaping (Item) -> Bool, done: @escaping (Item) -> Bool
  ) {
    getters.append(Getter(since: time, accepts: accepts, done: done))
  }

  /// Moves waiting puts in while there is room and hands items to waiting
  /// getters, until nothing changes.
  func settle(at time: SimTime) {
    var progressed = true
    while progressed {
      progressed = false
      while items.count < capacity, !putters.isEmpty {
        let putter = putters.removeFirst()
        if putter.done() { add(putter.item, at: time) }
        progressed = true
      }
      var g = 0
      while g < getters.count {
        let getter = getters[g]
        guard let index = items.firstIndex(where: getter.accepts) else {
          g += 1
          continue
        }
        getters.remove(at: g)
        let item = remove(at: index, time: time)
        if getter.done(item) {
          getWaits.record((time - getter.since).seconds)
        } else {
          items.insert(item, at: index)  // the getter was cancelled
          occupancy.record(Double(items.count), at: time)
        }
        progressed = true
      }
    }
  }

  func add(_ item: Item, at time: SimTime) {
    items.append(item)
    occupancy.record(Double(items.count), at: time)
  }

  func remove(at index: Int, time: SimTime) -> Item {
    let item = items.remove(at: index)
    occupancy.record(Double(items.count), at: time)
    return item
  }
}
