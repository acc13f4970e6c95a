/// Reading a map from whichever file a user names.
extension Township {
  /// Reads a map: GeoJSON (`.geojson`, `.json`) in the drillsim schema, or
  /// an OSM extract (`.osm`, `.osm.gz`) imported with default options.
  ///
  /// One place decides by the file's name, so every command that takes "a
  /// map" accepts the same files.
  public static func read(path: String) throws(MapError) -> Township {
    let lower = path.lowercased()
    if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
      return try readGeoJSON(path: path)
    }
    return try OSMImporter.importMap(path: path).township
  }
}
