import SimKernel
import Testing

/// The run's named streams: created on first use, seed fixed from then on.
@Suite struct RandomStreamsTests {
  @Test func sameNameSameStream() {
    let streams = RandomStreams(seed: 7)
    let a = streams.index(of: "warning")
    let b = streams.index(of: "teams")
    #expect(streams.index(of: "warning") == a)
    #expect(a != b)
    #expect(streams.count == 2)
  }

  @Test func drawsMatchAStandaloneStream() {
    let streams = RandomStreams(seed: 7, replication: 2)
    let index = streams.index(of: "x")
    var reference = RandomStream(seed: 7, name: "x", replication: 2)
    for _ in 0..<5 {
      #expect(streams.draw(from: index) { $0.next() } == reference.next())
    }
  }

  @Test func seedIsFixedByTheFirstStream() {
    let streams = RandomStreams(seed: 1)
    #expect(streams.reseed(5))
    #expect(streams.seed == 5)
    _ = streams.index(of: "x")
    #expect(streams.isSeedFixed)
    #expect(!streams.reseed(9))
    #expect(streams.seed == 5)
  }
}
