import SimKernel
import Testing

/// Regression: chains of closures meeting at shared instants once crashed
/// the ladder queue.
///
/// 129 chains (128 passed) each schedule a 60 s knock ten times from 300 s
/// on, next to 129 events at one later instant. Moving the 129 same-tick
/// events into bottom grew its buffer midway, which dropped the events
/// already copied; the stale memory then read as times far outside the
/// rung, and `pushBucket` wrote outside its buckets (SIGSEGV; fixed in
/// 8ddbf7a).
@Suite struct LadderChainCrashTests {
  /// Runs `chains` knock chains to the end and checks every event ran.
  func runChains(_ chains: Int) -> (events: Int, end: SimTime) {
    let sim = Simulator()
    func knock(_ n: Int) {
      guard n > 0 else { return }
      sim.schedule(after: SimTime(ms: 60_000)) { knock(n - 1) }
    }
    sim.schedule(after: .zero) {
      for _ in 0..<chains {
        sim.schedule(after: SimTime(ms: 300_000)) { knock(10) }
        sim.schedule(after: SimTime(ms: 900_000)) {}
      }
    }
    sim.run()
    return (sim.eventsProcessed, sim.now)
  }

  @Test(arguments: [128, 129, 200, 1000])
  func knockChainsRunToTheEnd(chains: Int) {
    let result = runChains(chains)
    // The start, then per chain: its start, ten knocks, the late event.
    #expect(result.events == 1 + chains * 12)
    #expect(result.end == SimTime(ms: 900_000))
  }
}
