import FuzzInput
import Township

/// Feeds each input to the GeoJSON map reader as a `.geojson` file.
///
/// The reader must throw a `MapError` or return a map; anything else (a
/// trap, a sanitizer report, a hang, runaway memory) is a finding.
enum GeoJSONTarget {
  static let file = ScratchFile(name: "input.geojson")
}

FuzzDriver.run { data, size in
  GeoJSONTarget.file.write(data, size)
  _ = try? Township.read(path: GeoJSONTarget.file.path)
  return 0
}
