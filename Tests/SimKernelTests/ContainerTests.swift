import SimKernel
import Testing

/// Container: gets wait for stock, puts wait for room, FIFO heads block.
@Suite struct ContainerTests {
  @Test func getWaitsForStockAndIsServedByALaterPut() {
    let tank = Container(name: "water", capacity: 10, level: 5)
    #expect(tank.tryGet(3, at: .zero))
    #expect(tank.level == 2)
    #expect(!tank.tryGet(5, at: .zero))
    var served = false
    tank.enqueueGet(5, at: .zero) {
      served = true
      return true
    }
    #expect(!tank.tryGet(1, at: .zero))  // the waiting get is ahead
    #expect(tank.tryPut(4, at: SimTime(ms: 3000)))
    #expect(served)
    #expect(tank.level == 1)
    #expect(tank.getWaits.count == 2)
    #expect(tank.getWaits.max == 3)
  }

  @Test func putWaitsForRoomAndIsServedByALaterGet() {
    let depot = Container(name: "fuel", capacity: 10, level: 8)
    #expect(!depot.tryPut(5, at: .zero))
    var stored = false
    depot.enqueuePut(5, at: .zero) {
      stored = true
      return true
    }
    #expect(!depot.tryPut(1, at: .zero))  // the waiting put is ahead
    #expect(depot.tryGet(4, at: SimTime(ms: 1000)))
    #expect(stored)
    #expect(depot.level == 9)
  }

  @Test func aLargeRequestAtTheHeadBlocksSmallerOnes() {
    let tank = Container(name: "water", capacity: 10, level: 0)
    var order: [Double] = []
    for amount in [6.0, 1.0] {
      tank.enqueueGet(amount, at: .zero) {
        order.append(amount)
        return true
      }
    }
    #expect(tank.tryPut(3, at: .zero))
    #expect(order.isEmpty)
    #expect(tank.tryPut(4, at: .zero))
    #expect(order == [6, 1])
    #expect(tank.level == 0)
  }

  @Test func cancelledRequestsDoNotChangeTheLevel() {
    let tank = Container(name: "water", capacity: 10, level: 0)
    tank.enqueueGet(2, at: .zero) { false }
    #expect(tank.tryPut(3, at: .zero))
    #expect(tank.level == 3)
    #expect(tank.levelHistory.current == 3)
  }
}
