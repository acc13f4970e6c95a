import SimKernel
import Testing

/// Store: FIFO items, filtered gets that do not block others, blocked puts.
@Suite struct StoreTests {
  @Test func itemsComeOutFirstInFirstOut() {
    let store = Store<String>(name: "kits")
    for item in ["a", "b", "c"] { #expect(store.tryPut(item, at: .zero)) }
    #expect(store.tryGet(at: .zero) { _ in true } == "a")
    #expect(store.tryGet(at: .zero) { _ in true } == "b")
    #expect(store.items == ["c"])
  }

  @Test func filterTakesTheFirstAcceptedItem() {
    let store = Store<Int>(name: "boats")
    for item in [1, 4, 6, 8] { #expect(store.tryPut(item, at: .zero)) }
    #expect(store.tryGet(at: .zero) { $0 > 5 } == 6)
    #expect(store.tryGet(at: .zero) { $0 > 100 } == nil)
    #expect(store.items == [1, 4, 8])
  }

  /// A getter that accepts nothing held does not block a later one.
  @Test func unmatchedGetterDoesNotBlockOthers() {
    let store = Store<String>(name: "teams")
    var got: [String] = []
    #expect(store.tryGet(at: .zero) { $0 == "medic" } == nil)
    store.enqueueGet(
      at: .zero, accepts: { $0 == "medic" },
      done: {
        got.append("medic:\($0)")
        return true
      })
    #expect(store.tryPut("boat", at: .zero))
    #expect(got.isEmpty)
    #expect(store.tryGet(at: .zero) { $0 == "boat" } == "boat")
    #expect(store.tryPut("medic", at: SimTime(ms: 2000)))
    #expect(got == ["medic:medic"])
    #expect(store.items.isEmpty)
    #expect(store.getWaits.max == 2)
  }

  @Test func waitingGettersAreServedInArrivalOrder() {
    let store = Store<Int>(name: "kits")
    var got: [String] = []
    for name in ["first", "second"] {
      store.enqueueGet(
        at: .zero, accepts: { _ in true },
        done: {
          got.append("\(name):\($0)")
          return true
        })
    }
    #expect(store.tryPut(7, at: .zero))
    #expect(store.tryPut(8, at: .zero))
    #expect(got == ["first:7", "second:8"])
  }

  @Test func putsBlockWhenFullAndResumeOnGet() {
    let store = Store<String>(name: "bay", capacity: 2)
    #expect(store.tryPut("a", at: .zero))
    #expect(store.tryPut("b", at: .zero))
    #expect(!store.tryPut("c", at: .zero))
    var stored = false
    store.enqueuePut("c") {
      stored = true
      return true
    }
    #expect(!store.tryPut("d", at: .zero))  // the waiting put is ahead
    #expect(store.tryGet(at: .zero) { _ in true } == "a")
    #expect(stored)
    #expect(store.items == ["b", "c"])
  }

  @Test func cancelledGetterLeavesTheItem() {
    let store = Store<String>(name: "kits")
    store.enqueueGet(at: .zero, accepts: { _ in true }, done: { _ in false })
    #expect(store.tryPut("a", at: .zero))
    #expect(store.items == ["a"])
    #expect(store.occupancy.current == 1)
  }
}
