import FuzzInput
import Township

/// Feeds each input to the OSM importer as an `.osm` file.
///
/// The importer reads through zlib, which passes plain XML through and
/// inflates gzip, so inputs that start with the gzip magic also exercise the
/// `.osm.gz` path; the import runs in full (network build and repair).
enum OSMTarget {
  static let file = ScratchFile(name: "input.osm")
}

FuzzDriver.run { data, size in
  OSMTarget.file.write(data, size)
  _ = try? OSMImporter.importMap(path: OSMTarget.file.path)
  return 0
}
