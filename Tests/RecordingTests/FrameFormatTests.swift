import Foundation
import Recording
import Scenario
import SimKernel
import Testing

/// frames.jsonl: written, read back, sought into, rasters as changed cells.
@Suite struct FrameFormatTests {
  static let geometry = RasterLayer.Geometry(columns: 4, rows: 3, cellSize: 10, west: 0, south: 0)

  /// 75 frames, 60 s apart: a flood rising in one cell per frame, a fire
  /// reaching one cell every third frame, a closure from frame 10.
  static func frames() -> [FrameSnapshot] {
    var flood = RasterLayer(geometry: geometry, background: 0)
    var fire = RasterLayer(geometry: geometry, background: -1)
    return (0..<75).map { n in
      var frame = FrameSnapshot(time: SimTime(ms: Int64(n) * 60_000))
      flood.values[n % 12] += 3
      if n % 3 == 0, n / 3 < 12 { fire.values[n / 3] = Int32(n * 60) }
      frame.flood = flood
      frame.fire = fire
      frame.closures = n >= 10 ? [.init(link: 1, driving: true, walking: n >= 20)] : []
      frame.zones = [.init(notWarned: 100 - n, warned: n), .init(safe: n)]
      frame.shelters = [.init(facility: "school", occupants: n, capacity: 500)]
      frame.teams = [.init(id: "t1", kind: "fire", x: Double(n), y: 2.5, status: "travelling")]
      frame.depots = [.init(facility: "d1", items: [("water", 100 - Double(n))])]
      frame.outages = n > 40 ? [.init(kind: "power", target: "lowland")] : nil
      frame.metrics = [.init(name: "evacuation.safe", value: Double(n) / 2)]
      return frame
    }
  }

  static func header() -> FrameHeader {
    FrameHeader(
      scenario: "unit <test>", start: "2026-07-21T02:00:00+08:00", interval: SimTime(ms: 60_000),
      duration: SimTime(ms: 4_440_000),
      map: FrameMap(
        links: [
          .init(id: "ab", mode: "road", points: [0, 0, 10, 0]),
          .init(id: "bc", mode: "path", points: [10, 0, 10, 10, 20, 15.5]),
        ],
        zones: [
          .init(id: "lowland", name: "低洼村", x: 0, y: 0, population: 100, grid: "g1"),
          .init(id: "hill", name: nil, x: 20, y: 15, population: 80, grid: nil),
        ], grids: ["g1"],
        facilities: [
          .init(id: "school", kind: "shelter", name: "School", x: 10, y: 0, capacity: 500)
        ]
      ))
  }

  func written(_ frames: [FrameSnapshot]) throws -> (URL, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "drillsim-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent("frames.jsonl")
    let writer = FrameWriter(url: url)
    try writer.begin(Self.header())
    for frame in frames { try writer.record(frame) }
    try writer.close()
    return (folder, url)
  }

  @Test func everyFrameReadsBackAsWritten() throws {
    let frames = Self.frames()
    let (folder, url) = try written(frames)
    defer { try? FileManager.default.removeItem(at: folder) }
    let reader = try FrameReader(url: url)
    #expect(reader.header == Self.header())
    #expect(try reader.allFrames() == frames)
    let first = try String(contentsOf: url, encoding: .utf8).prefix(60)
    #expect(first.hasPrefix("{\"format\":\"drillsim-frames\",\"version\":1,"))
  }

  @Test func seekingFindsTheLastFrameAtOrBeforeAnyTime() throws {
    let frames = Self.frames()
    let (folder, url) = try written(frames)
    defer { try? FileManager.default.removeItem(at: folder) }
    let reader = try FrameReader(url: url)
    #expect(try reader.frame(at: SimTime(ms: -1)) == nil)
    // Backwards and forwards, between and on frame times.
    for ms in [4_439_999, 1_799_999, 1_800_000, 59_999, 0, 2_345_678, 9_000_000] as [Int64] {
      let expected = frames[min(Int(ms / 60_000), frames.count - 1)]
      #expect(try reader.frame(at: SimTime(ms: ms)) == expected, "at \(ms) ms")
    }
  }

  @Test func seekingWorksWithoutTheIndex() throws {
    let frames = Self.frames()
    let (folder, url) = try written(frames)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("frames.index.json"))
    let reader = try FrameReader(url: url)
    #expect(reader.entries.count == frames.count)
    #expect(try reader.frame(at: SimTime(ms: 3_000_000)) == frames[50])
  }

  @Test func rastersListOnlyChangedCellsBetweenKeyframes() throws {
    let frames = Self.frames()
    let (folder, url) = try written(frames)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == frames.count + 1)
    // Frame 5 is no keyframe: one flood cell changed (cell 5, 0 to 3 cm), no fire cell.
    let frame5 = try JSONParser.parse(String(lines[6]))
    #expect(frame5["key"] == .bool(false))
    #expect(frame5["flood"]?["cells"] == .array([.integer(5), .integer(3)]))
    #expect(frame5["fire"]?["cells"] == .array([]))
    #expect(frame5["flood"]?["grid"] == nil)
    // Frame 30 is a keyframe: every wet cell, with the grid.
    let frame30 = try JSONParser.parse(String(lines[31]))
    #expect(frame30["key"] == .bool(true))
    #expect(frame30["flood"]?["grid"]?["columns"] == .integer(4))
    #expect(frame30["flood"]?["cells"]?.arrayValue?.count == 24)
  }

  @Test func aFileOfAnotherVersionIsRefusedByName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "drillsim-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("frames.jsonl")
    try Data("{\"format\":\"drillsim-frames\",\"version\":9,\"interval_s\":60}\n".utf8).write(
      to: url)
    #expect {
      _ = try FrameReader(url: url)
    } throws: { error in
      "\(error)".contains("frames.jsonl:1") && "\(error)".contains("version 9")
    }
  }
}
