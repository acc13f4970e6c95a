import Foundation
import Testing
import Township

/// The fuzz seeds and every input the fuzzers ever found, replayed through
/// the map readers in-process (Fuzz/corpus and Fuzz/regressions).
///
/// A seed is a valid file and must load. A regression input once crashed a
/// reader; it must now load or throw a `MapError` that names the file, and
/// the test process surviving it is the real check. Each input is written
/// under the name the fuzz target gives it, so the reader takes the same
/// path through the code as under the fuzzer.
@Suite struct FuzzReplayTests {
  static let fuzzFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")

  /// One replayed input: the fuzz target it belongs to and its file.
  struct Input: CustomTestStringConvertible, Sendable {
    let target: String
    let folder: String
    let file: URL
    var isSeed: Bool { folder == "corpus" }
    var testDescription: String { "\(folder)/\(target)/\(file.lastPathComponent)" }
  }

  /// The inputs of a target, seeds first, in name order.
  static func inputs(_ target: String) -> [Input] {
    ["corpus", "regressions"].flatMap { folder in
      let directory = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map {
        Input(target: target, folder: folder, file: directory.appendingPathComponent($0))
      }
    }
  }

  /// Copies the input to a private folder under the target's file name.
  static func stage(_ input: Input, as name: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "township-fuzz-replay-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let staged = directory.appendingPathComponent(name)
    try Data(contentsOf: input.file).write(to: staged)
    return staged.path
  }

  /// Runs `load` on the staged input and checks the outcome for its kind.
  static func replay<Value>(
    _ input: Input, as name: String, _ load: (String) throws(MapError) -> Value
  ) throws {
    let path = try stage(input, as: name)
    defer {
      try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
    do {
      _ = try load(path)
    } catch {
      #expect(!input.isSeed, "a seed must load: \(error)")
      #expect(error.file == path, "the error must name the file: \(error)")
      #expect(!error.message.isEmpty)
    }
  }

  @Test("GeoJSON inputs load or throw a located MapError", arguments: inputs("geojson"))
  func geoJSON(_ input: Input) throws {
    try Self.replay(input, as: "input.geojson") { path throws(MapError) in
      try Township.read(path: path)
    }
  }

  @Test("OSM inputs import or throw a located MapError", arguments: inputs("osm"))
  func osm(_ input: Input) throws {
    try Self.replay(input, as: "input.osm") { path throws(MapError) in
      try OSMImporter.importMap(path: path)
    }
  }

  @Test("ESRI ASCII grid inputs load or throw a located MapError", arguments: inputs("asc"))
  func asciiGrid(_ input: Input) throws {
    try Self.replay(input, as: "input.asc") { path throws(MapError) in
      try AsciiGridReader.read(path: path)
    }
  }

  @Test("every fuzz target has seeds to replay", arguments: ["geojson", "osm", "asc"])
  func seedsExist(_ target: String) {
    #expect(Self.inputs(target).contains { $0.isSeed })
  }
}
