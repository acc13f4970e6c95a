import Foundation
import Testing

/// The kernel's verification case: the shipped M/M/c scenario against
/// Erlang C (c = 3, rho = 0.9, mu = 1, Wq = 2.7235 s), 200 000 customers.
@Suite struct ErlangCTests {
  static let erlangC = 2.723537

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func meanWaitMatchesErlangC(seed: UInt64) throws {
    let path = ScenarioHarness.repository.appendingPathComponent("scenarios/mmc-queue.lua").path
    let outcome = try ScenarioHarness.runFile(path, seed: seed)
    let m = outcome.metrics
    #expect(outcome.result.status == .complete)
    #expect(m["mmc.customers"] == 200_000)
    let low = try #require(m["mmc.wait_ci95_low_s"])
    let high = try #require(m["mmc.wait_ci95_high_s"])
    #expect(abs((m["mmc.erlang_c_wq_s"] ?? 0) - Self.erlangC) < 1e-5)
    #expect(low <= Self.erlangC && Self.erlangC <= high, "CI [\(low), \(high)] misses Erlang C")
    // A useful interval, not a vacuous one: half-width under 20 % of Wq.
    #expect((high - low) / 2 < 0.2 * Self.erlangC)
    #expect(outcome.result.objectives.first?.pass == true)
    // Three servers at rho = 0.9: utilisation near 0.9.
    #expect(abs((m["resource.servers.utilisation"] ?? 0) - 0.9) < 0.01)
  }
}
