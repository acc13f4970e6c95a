import Foundation

/// Writes a township map as GeoJSON (RFC 7946) in the drillsim schema.
///
/// Schema (the keys of DESIGN.md §3): one FeatureCollection; every feature
/// has `properties.layer` naming its table — `nodes`, `links`, `zones`,
/// `grids`, `facilities` or `hazards` — and that table's keys:
/// - nodes: Point; `id`;
/// - links: LineString (its shape); `id`, `from`, `to` (node ids),
///   `length` (m), `mode` (road|path), `lanes` (per direction), `speed`
///   (m/s), `capacity` (per second and direction), `width` (m), `oneway`,
///   `class` (the OSM highway class, optional);
/// - zones: Point; `id`, `name`, `node`, `population`, `households`,
///   `walk_speed`, `groups` (object: group -> share), `grid`;
/// - grids: no geometry (null); `id`, `zone`, `responsible`;
/// - facilities: Point; `id`, `kind` (shelter|depot|station|school|clinic|
///   venue), `name`, `node`, `capacity`, `opens_at` (s);
/// - hazards: LineString (rivers) or Polygon (water, forest); `id`, `kind`, `name`.
/// Coordinates are WGS84 longitude, latitude (7 decimals, about 1 cm); a map
/// in local metres instead carries the foreign member `"crs": "local"`. The
/// foreign member `"origin": [lon, lat]` keeps the projection centre, so a
/// map read back projects exactly as it was written. Output order is the
/// map's order and keys are written in a fixed order: same map, same bytes.
extension Township {
  /// The map as GeoJSON text.
  public func geoJSONText() -> String {
    var out = "{\"type\":\"FeatureCollection\""
    if let projection {
      out +=
        ",\"origin\":[\(coordinate(projection.origin.longitude)),\(coordinate(projection.origin.latitude))]"
    } else {
      out += ",\"crs\":\"local\""
    }
    out += ",\"features\":[\n"
    var features: [String] = []
    for node in nodes {
      features.append(
        feature(point(node.position), [("layer", str("nodes")), ("id", str(node.id))]))
    }
    for link in links {
      var properties: [(String, String)] = [
        ("layer", str("links")), ("id", str(link.id)), ("from", str(nodes[link.from].id)),
        ("to", str(nodes[link.to].id)), ("length", number(link.length, 2)),
        ("mode", str(link.mode.rawValue)), ("lanes", String(link.lanes)),
        ("speed", number(link.speed, 3)), ("capacity", number(link.capacity, 4)),
        ("width", number(link.width, 2)), ("oneway", link.oneway ? "true" : "false"),
      ]
      if let roadClass = link.roadClass { properties.append(("class", str(roadClass))) }
      let shape =
        link.shape.isEmpty ? [nodes[link.from].position, nodes[link.to].position] : link.shape
      features.append(feature(lineString(shape), properties))
    }
    for zone in zones {
      var properties: [(String, String)] = [("layer", str("zones")), ("id", str(zone.id))]
      if let name = zone.name { properties.append(("name", str(name))) }
      properties += [
        ("node", str(nodes[zone.node].id)), ("population", String(zone.population)),
        ("households", String(zone.households)), ("walk_speed", number(zone.walkSpeed, 3)),
        (
          "groups",
          "{" + zone.groups.map { "\(str($0.name)):\(number($0.share, 4))" }.joined(separator: ",")
            + "}"
        ),
      ]
      if let grid = zone.grid { properties.append(("grid", str(grid))) }
      features.append(feature(point(zone.position), properties))
    }
    for grid in grids {
      var properties = [("layer", str("grids")), ("id", str(grid.id)), ("zone", str(grid.zone))]
      if let responsible = grid.responsible { properties.append(("responsible", str(responsible))) }
      features.append(feature("null", properties))
    }
    for facility in facilities {
      var properties = [
        ("layer", str("facilities")), ("id", str(facility.id)),
        ("kind", str(facility.kind.rawValue)),
      ]
      if let name = facility.name { properties.append(("name", str(name))) }
      properties.append(("node", str(nodes[facility.node].id)))
      if let capacity = facility.capacity { properties.append(("capacity", String(capacity))) }
      if facility.opensAt != 0 { properties.append(("opens_at", number(facility.opensAt, 1))) }
      for (key, zones) in [("powers", facility.powers), ("serves", facility.serves)]
      where !zones.isEmpty {
        properties.append((key, "[" + zones.map(str).joined(separator: ",") + "]"))
      }
      features.append(feature(point(facility.position), properties))
    }
    for hazard in hazards {
      var properties = [
        ("layer", str("hazards")), ("id", str(hazard.id)), ("kind", str(hazard.kind)),
      ]
      if let name = hazard.name { properties.append(("name", str(name))) }
      let geometry =
        hazard.closed
        ? "{\"type\":\"Polygon\",\"coordinates\":[\(positions(hazard.points))]}"
        : lineString(hazard.points)
      features.append(feature(geometry, properties))
    }
    out += features.joined(separator: ",\n")
    out += "\n]}\n"
    return out
  }

  private func feature(_ geometry: String, _ properties: [(String, String)]) -> String {
    "{\"type\":\"Feature\",\"geometry\":\(geometry),\"properties\":{"
      + properties.map { "\(str($0.0)):\($0.1)" }.joined(separator: ",") + "}}"
  }

  private func position(_ p: MapPoint) -> String {
    guard let projection else { return "[\(number(p.x, 3)),\(number(p.y, 3))]" }
    let c = projection.unproject(p)
    return "[\(coordinate(c.longitude)),\(coordinate(c.latitude))]"
  }

  private func positions(_ points: [MapPoint]) -> String {
    "[" + points.map(position).joined(separator: ",") + "]"
  }

  private func point(_ p: MapPoint) -> String {
    "{\"type\":\"Point\",\"coordinates\":\(position(p))}"
  }

  private func lineString(_ points: [MapPoint]) -> String {
    "{\"type\":\"LineString\",\"coordinates\":\(positions(points))}"
  }

  private func coordinate(_ value: Double) -> String { number(value, 7) }

  /// `value` rounded to `decimals` places, without trailing zeros.
  ///
  /// Formatted from a scaled integer rather than with `String(format:)`,
  /// which costs tens of microseconds a call and dominated writing a county.
  private func number(_ value: Double, _ decimals: Int) -> String {
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * Double(scale)).rounded()
    guard scaled.isFinite, abs(scaled) < 9.0e18 else { return String(value) }
    let units = Int64(scaled)
    let magnitude = units.magnitude
    var whole = String(magnitude / UInt64(scale))
    var fraction = magnitude % UInt64(scale)
    var digits = decimals
    while digits > 0 && fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    if digits > 0 {
      var text = String(fraction)
      text = String(repeating: "0", count: digits - text.count) + text
      whole += "." + text
    }
    return units < 0 ? "-" + whole : whole
  }

  private func str(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
