import Foundation
import Scenario

/// Runs scenario text beside extra files (rasters) in one temporary folder.
///
/// `ScenarioHarness.run` writes only the scenario; hazard scenarios name
/// rasters relative to it, so those are written into the same folder.
enum HazardHarness {
  static func run(_ source: String, files: [String: String]) throws -> ScenarioHarness.Outcome {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("drillsim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    let file = folder.appendingPathComponent("scenario.lua")
    try Data(source.utf8).write(to: file)
    return try ScenarioHarness.runFile(file.path)
  }

  /// An ESRI ASCII grid: `value(x, y)` at each cell centre, row 0 north.
  static func grid(
    columns: Int, rows: Int, cellSize: Double, west: Double = 0, south: Double = 0,
    value: (Double, Double) -> Double
  ) -> String {
    var text = """
      ncols \(columns)
      nrows \(rows)
      xllcorner \(west)
      yllcorner \(south)
      cellsize \(cellSize)
      NODATA_value -9999

      """
    for row in 0..<rows {
      let y = south + (Double(rows - row) - 0.5) * cellSize
      let line = (0..<columns).map { column in
        "\(value(west + (Double(column) + 0.5) * cellSize, y))"
      }
      text += line.joined(separator: " ") + "\n"
    }
    return text
  }
}
