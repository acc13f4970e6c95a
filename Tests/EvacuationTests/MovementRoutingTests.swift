import Evacuation
import SimKernel
import Testing
import Township

/// Routing by shelter trees: the repaired trees must route exactly as
/// trees built from scratch on the changed network would.
@Suite("Movement: routing after changes")
struct MovementRoutingTests {
  /// A 6 x 6 lattice of 50 m paths, shelters in three corners, walkers
  /// at every node.
  static func lattice(closed: [String], shelterCapacity: Int?, flow: Double = 10) throws
    -> MovementFixture
  {
    var arcs: [MovementFixture.Arc] = []
    for x in 0..<6 {
      for y in 0..<6 {
        if x + 1 < 6 {
          arcs.append(
            .init(
              id: "h\(x)\(y)", from: "n\(x)\(y)", to: "n\(x + 1)\(y)", length: 50 + Double(y),
              capacity: flow))
        }
        if y + 1 < 6 {
          arcs.append(
            .init(
              id: "v\(x)\(y)", from: "n\(x)\(y)", to: "n\(x)\(y + 1)", length: 50 + Double(x),
              capacity: flow))
        }
      }
    }
    let fixture = try MovementFixture(
      arcs,
      shelters: [
        ("s1", "n00", shelterCapacity, 0), ("s2", "n55", shelterCapacity, 0),
        ("s3", "n50", shelterCapacity, 0),
      ])
    for link in closed {
      fixture.network.setClosed(link: fixture.link(link), mode: .walk, true)
    }
    return fixture
  }

  static func walkers(on fixture: MovementFixture, departure: Double) {
    for x in 0..<6 {
      for y in 0..<6 {
        fixture.add(2, at: "n\(x)\(y)", speed: 1, departure: departure, firstID: 12 * x + 2 * y)
      }
    }
  }

  /// Closing links one by one, with trees already built and travellers
  /// already routed, ends in the same routes as closing them before the
  /// first tree was built.
  @Test func repairedTreesRouteAsFreshOnes() throws {
    let closures = ["h10", "v01", "h24", "v33", "h44", "v42", "h01", "v50"]
    let fresh = try Self.lattice(closed: closures, shelterCapacity: nil)
    Self.walkers(on: fresh, departure: 100)
    fresh.simulator.run()
    let repaired = try Self.lattice(closed: [], shelterCapacity: nil)
    Self.walkers(on: repaired, departure: 100)
    for (k, link) in closures.enumerated() {
      repaired.simulator.schedule(after: SimTime(ms: Int64(10_000 * k + 1))) {
        repaired.network.setClosed(link: repaired.link(link), mode: .walk, true)
      }
    }
    // A departure-time probe before any closure builds the trees.
    repaired.add(1, at: "n33", speed: 1, departure: 0, firstID: 1000)
    repaired.simulator.run()
    let probeFree = repaired.outcomes.dropLast()
    #expect(probeFree.map(\.settled) == fresh.outcomes.map(\.settled))
    #expect(probeFree.map(\.shelter) == fresh.outcomes.map(\.shelter))
  }

  /// Links reopened before the walkers set off are used again: the
  /// routes cost what they cost on a network that never closed them.
  /// (Flow is unlimited here: among routes of equal cost the two may pick
  /// different ones, which would otherwise merge differently.)
  @Test func reopenedLinksAreUsedAgain() throws {
    let closures = ["h10", "v01", "h24", "v33"]
    let open = try Self.lattice(closed: [], shelterCapacity: nil, flow: 1e9)
    Self.walkers(on: open, departure: 100)
    open.simulator.run()
    let reopened = try Self.lattice(closed: closures, shelterCapacity: nil, flow: 1e9)
    Self.walkers(on: reopened, departure: 100)
    reopened.add(1, at: "n33", speed: 1, departure: 0, firstID: 1000)
    reopened.simulator.schedule(after: SimTime(ms: 50_000)) {
      for link in closures {
        reopened.network.setClosed(link: reopened.link(link), mode: .walk, false)
      }
    }
    reopened.simulator.run()
    #expect(reopened.outcomes.dropLast().map(\.settled) == open.outcomes.map(\.settled))
  }

  /// Shelters that fill send the rest to the others: everyone is admitted
  /// and no shelter takes more than its places.
  @Test func fillingSheltersNeverOverflow() throws {
    let fixture = try Self.lattice(closed: [], shelterCapacity: 25)
    Self.walkers(on: fixture, departure: 0)
    fixture.simulator.run()
    #expect(fixture.network.shelters.occupancy.allSatisfy { $0 <= 25 })
    #expect(fixture.network.personsSafe == 72)
    let shelters = fixture.network.shelters
    #expect(shelters.occupancy.reduce(0, +) == 72)
    #expect(shelters.isFull.contains(true))
    #expect(zip(shelters.isFull, shelters.occupancy).allSatisfy { !$0 || $1 >= 24 })
    #expect(fixture.outcomes.contains { $0.rerouted })
  }
}
