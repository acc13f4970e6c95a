import Foundation
import LuaHost
import Scenario
import Township

/// A map written inline in a scenario (`scenario{ map = { nodes = ..., ... } }`).
///
/// The table uses exactly the keys of the GeoJSON properties (DESIGN.md §3),
/// so it is turned into a GeoJSON feature collection in the local frame and
/// read by the same reader as map files: one schema, one set of checks and
/// defaults. Unknown keys are refused, so a typo is not silently ignored.
enum InlineMap {
  static let fields: [(layer: String, keys: Set<String>)] = [
    ("nodes", ["id", "x", "y"]),
    (
      "links",
      [
        "id", "from", "to", "length", "mode", "lanes", "speed", "capacity", "width", "oneway",
        "class",
      ]
    ),
    ("zones", ["id", "node", "population", "households", "walk_speed", "groups", "grid", "name"]),
    ("grids", ["id", "zone", "responsible"]),
    ("facilities", ["id", "kind", "node", "capacity", "name", "opens_at", "powers", "serves"]),
  ]

  /// Builds the map; errors name the layer and the entry ("links[3]").
  static func township(from table: LuaValue) throws(ScenarioError) -> Township {
    let field = "scenario field 'map'"
    guard case .table(let entries) = table else { throw ScenarioError(field, "expected a table") }
    var layers: [String: [LuaValue]] = [:]
    for entry in entries {
      guard case .string(let key) = entry.key, fields.contains(where: { $0.layer == key }) else {
        throw ScenarioError(
          field,
          "unknown key \(describe(entry.key)) (known: \(fields.map(\.layer).joined(separator: ", ")))"
        )
      }
      guard let list = entry.value.arrayElements ?? (entry.value == .table([]) ? [] : nil) else {
        throw ScenarioError(field, "'\(key)' must be a list of tables")
      }
      layers[key] = list
    }
    var features: [Any] = []
    var labels: [String] = []
    for (layer, keys) in fields {
      for (n, record) in (layers[layer] ?? []).enumerated() {
        let label = "map.\(layer)[\(n + 1)]"
        guard case .table(let recordEntries) = record else {
          throw ScenarioError(field, "\(label) must be a table")
        }
        var properties: [String: Any] = ["layer": layer]
        for entry in recordEntries {
          guard case .string(let key) = entry.key, keys.contains(key) else {
            throw ScenarioError(
              field,
              "\(label): unknown key \(describe(entry.key)) (known: \(keys.sorted().joined(separator: ", ")))"
            )
          }
          guard let json = json(entry.value) else {
            throw ScenarioError(
              field, "\(label).\(key) must be a number, string, boolean or table")
          }
          properties[key] = json
        }
        var geometry: Any = NSNull()
        if layer == "nodes" {
          guard let x = properties.removeValue(forKey: "x"),
            let y = properties.removeValue(forKey: "y")
          else { throw ScenarioError(field, "\(label) needs x and y (metres)") }
          geometry = ["type": "Point", "coordinates": [x, y]]
        }
        features.append(["type": "Feature", "geometry": geometry, "properties": properties])
        labels.append(label)
      }
    }
    let collection: [String: Any] = [
      "type": "FeatureCollection", "crs": "local", "features": features,
    ]
    let data: Data
    do {
      data = try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys])
    } catch {
      throw ScenarioError(field, "cannot be converted: \(error.localizedDescription)")
    }
    do {
      return try Township.readGeoJSON(data: data, file: "inline map")
    } catch {
      if case .feature(let index) = error.position, labels.indices.contains(index) {
        throw ScenarioError(field, "\(labels[index]): \(error.message)")
      }
      throw ScenarioError(field, error.message)
    }
  }

  static func json(_ value: LuaValue) -> Any? {
    switch value {
    case .boolean(let b): return b
    case .integer(let i): return i
    case .number(let d): return d.isFinite ? d : nil
    case .string(let s): return s
    case .table(let entries):
      if let elements = value.arrayElements {
        let converted = elements.compactMap(json)
        return converted.count == elements.count ? converted : nil
      }
      var object: [String: Any] = [:]
      for entry in entries {
        guard case .string(let key) = entry.key, let inner = json(entry.value) else { return nil }
        object[key] = inner
      }
      return object
    case .nil, .opaque: return nil
    }
  }

  static func describe(_ key: LuaValue) -> String {
    if case .string(let s) = key { return "'\(s)'" }
    return "[\(key)]"
  }
}
