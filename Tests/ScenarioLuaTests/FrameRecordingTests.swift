import Foundation
import Scenario
import ScenarioLua
import SimKernel
import Testing

/// Frames taken during a run: one per interval, filled by the map, the
/// flood and the fire, and no change to anything else the run reports.
@Suite struct FrameRecordingTests {
  static let bowl = HazardHarness.grid(columns: 20, rows: 20, cellSize: 10) { x, y in
    ((x - 105) * (x - 105) + (y - 105) * (y - 105)).squareRoot() / 10
  }
  static let grass = HazardHarness.grid(columns: 20, rows: 20, cellSize: 10) { _, _ in 1 }

  static let source = """
    scenario { name = "frames", terrain = "dem.asc", fuel = "fuel.asc", duration = 600, map = {
      nodes = { { id = "a", x = 15, y = 105 }, { id = "b", x = 195, y = 105 },
                { id = "c", x = 15, y = 195 } },
      links = { { id = "ab", from = "a", to = "b", mode = "road", speed = 10 },
                { id = "ac", from = "a", to = "c", mode = "path" } },
      zones = { { id = "low", node = "a", population = 10, households = 4 } } } }
    sim.flood.inflow { x = 105, y = 105, m3_per_s = 2 }
    sim.fire.wind { speed = 5, from = 270 }
    sim.fire.ignite { x = 25, y = 25 }
    sim.at(300, function() sim.map.close_link("ac") end)
    sim.every(120, function() sim.metric("ticks", sim.now() / 120) end)
    """

  /// Runs the scenario, with frames every `interval` when given.
  static func run(frames interval: SimTime?) throws -> (RunResult, [EventLog.Entry], FrameLog) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(bowl.utf8).write(to: folder.appendingPathComponent("dem.asc"))
    try Data(grass.utf8).write(to: folder.appendingPathComponent("fuel.asc"))
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(source.utf8).write(to: file)
    let events = EventLog()
    let frames = FrameLog()
    let scenario = try LuaScenario(path: file.path, options: RunOptions(), sink: events)
    if let interval { scenario.recordFrames(to: frames, every: interval) }
    let result = scenario.run()
    return (result, events.entries, frames)
  }

  @Test func oneFrameEveryIntervalFromEachModel() throws {
    let (result, _, log) = try Self.run(frames: SimTime(ms: 60_000))
    #expect(result.error == nil, "\(result.error ?? "")")
    let header = try #require(log.header)
    #expect(header.scenario == "frames")
    #expect(header.map?.links.map(\.id) == ["ab", "ac"])
    #expect(header.map?.zones.map(\.id) == ["low"])
    #expect(log.frames.map(\.time.ms) == (0...10).map { Int64($0) * 60_000 })
    // The script closes "ac" (link 1) at 300 s; the water closes "ab"
    // (link 0, through the bowl) for cars.
    for frame in log.frames {
      let closed = frame.closures?.map(\.link) ?? [-1]
      #expect(closed.contains(1) == (frame.time.ms >= 300_000), "at \(frame.time)")
    }
    let last = log.frames.last?.closures ?? []
    #expect(last.first { $0.link == 0 }?.driving == true)
    #expect(last.first { $0.link == 1 }.map { $0.driving && $0.walking } == true)
    let wet = log.frames.map { $0.flood?.markedCells ?? -1 }
    let burned = log.frames.map { $0.fire?.markedCells ?? -1 }
    #expect(wet.last ?? 0 > 0)
    #expect(zip(wet, wet.dropFirst()).allSatisfy { $0 <= $1 }, "\(wet)")
    #expect((burned.last ?? 0) > (burned.first ?? 0))
    #expect(zip(burned, burned.dropFirst()).allSatisfy { $0 <= $1 }, "\(burned)")
    // Arrival times never lie in a frame's future.
    for frame in log.frames {
      #expect(frame.fire?.values.allSatisfy { Int64($0) * 1000 <= frame.time.ms } == true)
    }
    #expect(log.frames.last?.metrics?.first { $0.name == "ticks" }?.value == 5)
  }

  @Test func recordingFramesChangesNoResult() throws {
    let (plain, plainEvents, _) = try Self.run(frames: nil)
    let (framed, framedEvents, log) = try Self.run(frames: SimTime(ms: 45_000))
    #expect(!log.frames.isEmpty)
    #expect(framed.events == plain.events)
    #expect(framed.simEnd == plain.simEnd)
    #expect(framed.metrics.map(\.name) == plain.metrics.map(\.name))
    #expect(framed.metrics.map(\.value) == plain.metrics.map(\.value))
    #expect(framedEvents.map(\.kind) == plainEvents.map(\.kind))
    #expect(framedEvents.map(\.time) == plainEvents.map(\.time))
  }

  @Test func aFailedRunEndsWithAFrameAtTheFailure() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(
      """
      scenario { name = "boom", duration = 600 }
      sim.every(50, function() sim.metric("beat", sim.now()) end)
      sim.at(130, function() error("boom") end)
      """.utf8
    ).write(to: file)
    let frames = FrameLog()
    let scenario = try LuaScenario(path: file.path, options: RunOptions(), sink: EventLog())
    scenario.recordFrames(to: frames, every: SimTime(ms: 60_000))
    let result = scenario.run()
    #expect(result.status == .failed)
    #expect(frames.header?.map == nil)
    #expect(frames.frames.map(\.time.ms) == [0, 60_000, 120_000, 130_000])
    #expect(frames.frames.map { $0.metrics?.first?.value ?? -1 } == [-1, 50, 100, 100])
    #expect(frames.frames.allSatisfy { $0.closures == nil && $0.flood == nil })
  }
}
