import Testing
import Township

/// Renumbering a map in locality order: a permutation that keeps every
/// reference, every id and every shortest path, and that the synthetic
/// county applies deterministically.
@Suite struct LocalityOrderTests {
  /// A small county in the generator's build order (not renumbered).
  static func buildOrder(seed: UInt64 = 5) throws -> Township {
    var options = SyntheticCountyOptions(villages: 9, householdsPerVillage: 40, seed: seed)
    options.localityOrder = false
    return try SyntheticCounty.generate(options).township
  }

  @Test func renumberingIsAPermutationThatKeepsEveryReference() throws {
    let map = try Self.buildOrder()
    let (renumbered, newIndex) = try map.inLocalityOrder()
    #expect(newIndex.sorted() == Array(map.nodes.indices))
    #expect(newIndex != Array(map.nodes.indices))
    for (old, node) in map.nodes.enumerated() {
      #expect(renumbered.nodes[newIndex[old]] == node)
    }
    #expect(renumbered.links.map(\.id).sorted() == map.links.map(\.id).sorted())
    for link in map.links {
      let index = try #require(renumbered.linkIndex(of: link.id))
      #expect(renumbered.links[index].from == newIndex[link.from])
      #expect(renumbered.links[index].to == newIndex[link.to])
      #expect(renumbered.links[index].length == link.length)
    }
    #expect(renumbered.zones.map(\.id) == map.zones.map(\.id))
    #expect(renumbered.zones.map(\.node) == map.zones.map { newIndex[$0.node] })
    #expect(renumbered.facilities.map(\.id) == map.facilities.map(\.id))
    #expect(renumbered.facilities.map(\.node) == map.facilities.map { newIndex[$0.node] })
    for node in map.nodes { #expect(renumbered.nodeIndex(of: node.id) != nil) }
  }

  @Test(arguments: [TravelMode.drive, .walk(speed: 1.2)])
  func shortestPathCostsAreUnchanged(mode: TravelMode) throws {
    let map = try Self.buildOrder()
    let (renumbered, newIndex) = try map.inLocalityOrder()
    let before = Router(township: map, mode: mode)
    let after = Router(township: renumbered, mode: mode)
    let step = max(1, map.nodes.count / 25)
    let sample = Array(stride(from: 0, to: map.nodes.count, by: step))
    var compared = 0
    for source in sample {
      for target in sample {
        let old = before.route(from: source, to: target)
        let new = after.route(from: newIndex[source], to: newIndex[target])
        switch (old, new) {
        case (.found(_, let a), .found(_, let b)):
          #expect(
            abs(a - b) <= 1e-9 * max(1, a), "\(map.nodes[source].id) -> \(map.nodes[target].id)")
          compared += 1
        case (.unreachable, .unreachable): break
        default: Issue.record("reachability differs: \(source) -> \(target)")
        }
      }
    }
    #expect(compared > sample.count)
  }

  @Test func neighboursGetNearbyNumbersAndTheOrderIsStable() throws {
    let map = try Self.buildOrder()
    let (renumbered, _) = try map.inLocalityOrder()
    func meanGap(_ township: Township) -> Double {
      let total = township.links.reduce(0) { $0 + abs($1.from - $1.to) }
      return Double(total) / Double(township.links.count)
    }
    #expect(meanGap(renumbered) < meanGap(map))
    let again = try renumbered.inLocalityOrder()
    #expect(again.newIndex == Array(renumbered.nodes.indices))
    #expect(again.township.links.map(\.id) == renumbered.links.map(\.id))
  }

  @Test func theGeneratorRenumbersDeterministicallyWithTheSameCounts() throws {
    let options = SyntheticCountyOptions(villages: 9, householdsPerVillage: 40, seed: 5)
    let a = try SyntheticCounty.generate(options).township
    let b = try SyntheticCounty.generate(options).township
    let plain = try Self.buildOrder()
    #expect(a.geoJSONText() == b.geoJSONText())
    #expect(a.nodes.map(\.id) == b.nodes.map(\.id))
    #expect(a.nodes.count == plain.nodes.count)
    #expect(a.links.count == plain.links.count)
    #expect(a.population == plain.population)
    #expect(a.shelterCapacity == plain.shelterCapacity)
    #expect(Set(a.nodes.map(\.id)) == Set(plain.nodes.map(\.id)))
  }
}
