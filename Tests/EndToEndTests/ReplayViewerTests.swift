import Foundation
import Testing

/// replay.html of the default scenario in headless Chromium: it loads
/// without errors, seeks to the middle of the run and shows what the
/// frames say there.
@Suite(.serialized, .enabled(if: Chromium.executable != nil, Comment(rawValue: Chromium.missing)))
struct ReplayViewerTests {
  static let middle = 7200.0

  @Test func scrubbedToTheMiddleItShowsTheFramesClockAndCounts() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    let view = try CommandLine.run(["view", run.folder.path])
    #expect(view.status == 0, "\(view.stderr)")
    let page = run.file("replay.html")
    let size = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0
    #expect(size > 0 && size <= 15 << 20, "replay.html is \(size) bytes")
    let output = try Chromium.run(page, fragment: "#t=\(Int(Self.middle))", ["--dump-dom"])
    #expect(
      Chromium.consoleErrors(output.stderr).isEmpty, "\(Chromium.consoleErrors(output.stderr))")
    let dom = output.stdout
    #expect(Chromium.text(ofID: "errors", in: dom) == "")
    #expect(Chromium.text(ofID: "clock", in: dom) == (try run.expectedClock(at: Self.middle)))
    let closed = try run.closedLinks(at: Self.middle)
    #expect(closed > 0, "the default scenario closes a road at 45 min")
    #expect(Chromium.text(ofID: "count-closed", in: dom) == String(closed))
    // The page's own state hook agrees with what it shows.
    let state = try #require(Chromium.text(ofID: "state", in: dom))
    let json = try JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any]
    #expect((json?["frameTime"] as? NSNumber)?.doubleValue == Self.middle)
    #expect(((json?["counts"] as? [String: Any])?["closed"] as? NSNumber)?.intValue == closed)

    // `drillsim replay --at` prints the same clock and counts as the viewer.
    let replay = try CommandLine.run(["replay", run.folder.path, "--at", "\(Int(Self.middle))"])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(replay.stdout.contains("== \(Chromium.text(ofID: "clock", in: dom) ?? "?")"))
    for line in replay.stdout.split(separator: "\n") where line.hasPrefix("  ") {
      let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
      guard parts.count == 2, !parts[0].hasPrefix("shelter ") else { continue }
      let id =
        "count-"
        + parts[0].replacingOccurrences(of: ".", with: "-")
        .replacingOccurrences(of: "_", with: "-")
      #expect(
        Chromium.text(ofID: id, in: dom) == parts[1].trimmingCharacters(in: .whitespaces),
        "\(parts[0])")
    }
  }

  @Test func aScreenshotOfTheReplayIsNotBlank() throws {
    let run = try RecordedRun.make()
    defer { run.remove() }
    #expect(try CommandLine.run(["view", run.folder.path]).status == 0)
    let shot = run.file("shot.png")
    _ = try Chromium.run(
      run.file("replay.html"), fragment: "#t=\(Int(Self.middle))", ["--screenshot=\(shot.path)"])
    let image = try PNGImage(data: try Data(contentsOf: shot))
    #expect(image.width == 1280 && image.height == 800)
    // A blank page has one or two colours; the drawn map has many.
    #expect(image.colourCount > 20, "\(image.colourCount) colours")
  }
}
