import Scenario
import SimKernel

/// The frames file format, version 1: JSON lines.
///
/// Line 1 is the header, `{"format":"drillsim-frames","version":1,...}`,
/// with the scenario, its clock, the frame interval and the map. Each
/// further line is one frame, `{"t":<s>,"key":<bool>,<sections>}`. Sections
/// are written in full except the rasters (flood depth in cm, fire arrival
/// in s): those list only the cells that changed since the previous frame,
/// as flat `[cell, value, cell, value, ...]` pairs, and in full (every cell
/// off the background, with the grid) at a keyframe. A keyframe comes every
/// `keyframeInterval` frames, so a reader seeking to any time decodes at
/// most that many lines. `frames.index.json` beside it lists each frame's
/// time, byte offset, length and whether it is a keyframe.
public enum FrameFormat {
  public static let name = "drillsim-frames"
  public static let indexName = "drillsim-frames-index"
  public static let version = 1
  /// Frames from one keyframe to the next.
  public static let keyframeInterval = 30

  /// The header line's value.
  public static func header(_ header: FrameHeader) -> Value {
    var fields: [(key: String, value: Value)] = [
      ("format", .string(name)), ("version", .integer(Int64(version))),
      ("scenario", .string(header.scenario)),
    ]
    if let start = header.start { fields.append(("start", .string(start))) }
    fields.append(("interval_s", seconds(header.interval)))
    if let duration = header.duration { fields.append(("duration_s", seconds(duration))) }
    fields.append(("keyframe_interval", .integer(Int64(keyframeInterval))))
    if let map = header.map { fields.append(("map", mapValue(map))) }
    return .object(fields)
  }

  static func seconds(_ time: SimTime) -> Value {
    time.ms % 1000 == 0 ? .integer(time.ms / 1000) : .number(time.seconds)
  }

  static func mapValue(_ map: FrameMap) -> Value {
    func text(_ s: String?) -> Value { s.map { .string($0) } ?? .null }
    return .object([
      (
        "links",
        .array(
          map.links.map { link in
            .object([
              ("id", .string(link.id)), ("mode", .string(link.mode)),
              ("points", .array(link.points.map { .number($0) })),
            ])
          })
      ),
      (
        "zones",
        .array(
          map.zones.map { zone in
            .object([
              ("id", .string(zone.id)), ("name", text(zone.name)), ("x", .number(zone.x)),
              ("y", .number(zone.y)), ("population", .integer(Int64(zone.population))),
              ("grid", text(zone.grid)),
            ])
          })
      ),
      ("grids", .array(map.grids.map { .string($0) })),
      (
        "facilities",
        .array(
          map.facilities.map { f in
            .object([
              ("id", .string(f.id)), ("kind", .string(f.kind)), ("name", text(f.name)),
              ("x", .number(f.x)), ("y", .number(f.y)),
              ("capacity", f.capacity.map { .integer(Int64($0)) } ?? .null),
            ])
          })
      ),
    ])
  }

  /// One frame's value: every section in full but the rasters, which are
  /// written against `previous` (the last frame written) unless `key`.
  public static func frame(_ frame: FrameSnapshot, previous: FrameSnapshot?, key: Bool) -> Value {
    var fields: [(key: String, value: Value)] = [
      ("t", seconds(frame.time)), ("key", .bool(key)),
    ]
    func ints(_ values: [Int]) -> Value { .array(values.map { .integer(Int64($0)) }) }
    if let closures = frame.closures {
      fields.append(
        (
          "closures",
          .array(closures.map { .array([.integer(Int64($0.link)), .string($0.modes)]) })
        ))
    }
    if let loads = frame.loads {
      fields.append(
        ("loads", .array(loads.map { ints([$0.link, $0.people, $0.vehicles, $0.queue]) })))
    }
    if let zones = frame.zones { fields.append(("zones", .array(zones.map { ints($0.counts) }))) }
    if let grids = frame.grids { fields.append(("grids", .array(grids.map { ints($0.counts) }))) }
    if let shelters = frame.shelters {
      fields.append(
        (
          "shelters",
          .array(
            shelters.map {
              .array([
                .string($0.facility), .integer(Int64($0.occupants)), .integer(Int64($0.capacity)),
              ])
            })
        ))
    }
    if let teams = frame.teams {
      fields.append(
        (
          "teams",
          .array(
            teams.map {
              .object([
                ("id", .string($0.id)), ("kind", .string($0.kind)), ("x", .number($0.x)),
                ("y", .number($0.y)), ("status", .string($0.status)),
              ])
            })
        ))
    }
    if let depots = frame.depots {
      fields.append(
        (
          "depots",
          .array(
            depots.map {
              .array([
                .string($0.facility),
                .array($0.items.map { .array([.string($0.item), .number($0.quantity)]) }),
              ])
            })
        ))
    }
    if let flood = frame.flood {
      fields.append(("flood", raster(flood, previous: key ? nil : previous?.flood)))
    }
    if let fire = frame.fire {
      fields.append(("fire", raster(fire, previous: key ? nil : previous?.fire)))
    }
    if let outages = frame.outages {
      fields.append(
        ("outages", .array(outages.map { .array([.string($0.kind), .string($0.target)]) })))
    }
    if let metrics = frame.metrics {
      fields.append(
        ("metrics", .array(metrics.map { .array([.string($0.name), .number($0.value)]) })))
    }
    return .object(fields)
  }

  /// A raster section: changed cells against `previous`, or in full (with
  /// its grid) when there is no comparable previous layer.
  static func raster(_ layer: RasterLayer, previous: RasterLayer?) -> Value {
    var cells: [Value] = []
    if let previous, previous.geometry == layer.geometry, previous.background == layer.background {
      for (cell, value) in layer.values.enumerated() where value != previous.values[cell] {
        cells += [.integer(Int64(cell)), .integer(Int64(value))]
      }
      return .object([("cells", .array(cells))])
    }
    for (cell, value) in layer.values.enumerated() where value != layer.background {
      cells += [.integer(Int64(cell)), .integer(Int64(value))]
    }
    let g = layer.geometry
    return .object([
      ("full", .bool(true)),
      (
        "grid",
        .object([
          ("columns", .integer(Int64(g.columns))), ("rows", .integer(Int64(g.rows))),
          ("cell_size", .number(g.cellSize)), ("west", .number(g.west)),
          ("south", .number(g.south)),
        ])
      ),
      ("background", .integer(Int64(layer.background))), ("cells", .array(cells)),
    ])
  }
}
