import Foundation

/// Generators for malformed inputs too large to commit (`generate:` in a
/// case.txt), each deterministic.
enum CorpusInput {
  struct UnknownGenerator: Error, CustomStringConvertible {
    let description: String
  }

  static func generate(_ words: [String], in folder: URL) throws {
    guard words.count >= 2 else {
      throw UnknownGenerator(description: "generate: expected NAME FILE [N]")
    }
    let url = folder.appendingPathComponent(words[1])
    let count = words.count > 2 ? Int(words[2]) ?? 0 : 0
    let text: String
    switch words[0] {
    case "deep-json":
      // A GeoJSON whose first feature nests arrays `count` deep.
      text =
        #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":"#
        + String(repeating: "[", count: count) + String(repeating: "]", count: count) + "}]}"
    case "asc-rows":
      // An ESRI grid whose header promises one row more than it holds.
      var lines = [
        "ncols \(count)", "nrows \(count + 1)", "xllcorner 0", "yllcorner 0", "cellsize 10",
        "NODATA_value -9999",
      ]
      let row = Array(repeating: "1", count: count).joined(separator: " ")
      lines += Array(repeating: row, count: count)
      text = lines.joined(separator: "\n") + "\n"
    default:
      throw UnknownGenerator(description: "generate: unknown generator '\(words[0])'")
    }
    try Data(text.utf8).write(to: url)
  }
}
