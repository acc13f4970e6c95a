import Foundation
import Scenario
import ScenarioLua
import SimKernel
import Testing

/// The evacuation's frame sections: zone and grid states, link loads and
/// shelter fill, checked against the warning test's hand-timed run.
@Suite struct EvacuationFrameTests {
  /// The run of `WarningAPITests.aCutSilencesSMSAndBroadcastAndEscalatesToTheDoor`,
  /// framed every 30 s.
  static func frames() throws -> FrameLog {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(
      (WarningAPITests.valley + """

        sim.outage.cut { kind = "network", zones = { "valley" } }
        sim.outage.cut { kind = "power", zones = { "valley" } }
        sim.warn { zones = "all", channels = { "sms", "broadcast" } }
        sim.evacuate { zones = "all", mode = "walk", premovement = 60 }
        """).utf8
    ).write(to: file)
    let log = FrameLog()
    let scenario = try LuaScenario(path: file.path, options: RunOptions(), sink: EventLog())
    scenario.recordFrames(to: log, every: SimTime(ms: 30_000))
    #expect(scenario.run().error == nil)
    return log
  }

  /// Zone counts follow the door walk's knocks.
  ///
  /// Knocks end at 750, 780 and 810 s; each single leaves 60 s later and
  /// walks 100 s. At 780 s two are warned and one is not; at 900 s all
  /// three walk the path; at 960 s two are in the hall (910, 940 s).
  @Test func zoneStatesFollowTheDoorWalk() throws {
    let log = try Self.frames()
    func frame(_ seconds: Int64) throws -> FrameSnapshot {
      try #require(log.frames.first { $0.time.ms == seconds * 1000 })
    }
    let names = FrameSnapshot.AreaStates.names
    func counts(_ seconds: Int64) throws -> [String: Int] {
      let states = try #require(try frame(seconds).zones?.first)
      return Dictionary(uniqueKeysWithValues: zip(names, states.counts))
    }
    #expect(try counts(780)["not_warned"] == 1)
    #expect(try counts(780)["warned"] == 2)
    #expect(try counts(900)["moving"] == 3)
    #expect(try frame(900).loads?.first?.people == 3)
    #expect(try counts(960)["safe"] == 2)
    #expect(try counts(960)["moving"] == 1)
    #expect(try frame(960).shelters?.first?.occupants == 2)
    #expect(try frame(960).grids?.first?.safe == 2)
  }
}
