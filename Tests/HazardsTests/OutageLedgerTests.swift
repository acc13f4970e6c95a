import Hazards
import Testing

/// The outage ledger: overlapping causes, periods, downtime sums.
@Suite struct OutageLedgerTests {
  @Test func aZoneComesBackOnlyWhenEveryCauseIsLifted() {
    var ledger = OutageLedger()
    let started = ledger.cut(.power, "lowland", token: 1, at: 100)
    #expect(started)
    // A second cause while already cut starts nothing.
    let startedAgain = ledger.cut(.power, "lowland", token: 2, at: 150)
    #expect(!startedAgain)
    let endedEarly = ledger.lift(.power, "lowland", token: 1, at: 200)
    #expect(!endedEarly)
    #expect(ledger.isCut(.power, "lowland"))
    let ended = ledger.lift(.power, "lowland", token: 2, at: 400)
    #expect(ended)
    #expect(!ledger.isCut(.power, "lowland"))
    #expect(ledger.periods(.power, "lowland").map { [$0.start, $0.end] } == [[100, 400]])
    // Start inclusive, end exclusive.
    #expect(!ledger.wasCut(.power, "lowland", at: 99.999))
    #expect(ledger.wasCut(.power, "lowland", at: 100))
    #expect(ledger.wasCut(.power, "lowland", at: 399.999))
    #expect(!ledger.wasCut(.power, "lowland", at: 400))
    // The network of the same zone is a different target.
    #expect(!ledger.wasCut(.network, "lowland", at: 200))
  }

  @Test func downtimeSumsClosedAndOpenPeriods() {
    var ledger = OutageLedger()
    ledger.cut(.network, "a", token: 1, at: 0)
    ledger.lift(.network, "a", token: 1, at: 60)
    ledger.cut(.network, "a", token: 2, at: 120)
    ledger.cut(.network, "b", token: 3, at: 30)
    // a: 60 s + (300 - 120) s; b: still cut, 300 - 30 s.
    #expect(ledger.downtime(.network, "a", until: 300) == 240)
    #expect(ledger.downtime(.network, "b", until: 300) == 270)
    #expect(ledger.totalDowntime(.network, until: 300) == 510)
    #expect(ledger.targets(.network) == ["a", "b"])
    // Lifting every cause at once (a restoration).
    let r456 = ledger.lift(.network, "b", token: nil, at: 400)
    #expect(r456)
    #expect(ledger.downtime(.network, "b", until: 1000) == 370)
  }
}
