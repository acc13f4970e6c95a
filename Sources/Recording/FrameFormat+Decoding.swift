import Scenario
import SimKernel

/// Reading the values `FrameFormat` writes back into headers and frames.
extension FrameFormat {
  /// The header from the first line's value.
  public static func decodeHeader(_ value: Value, location: String) throws(RecordingError)
    -> FrameHeader
  {
    guard value["format"]?.stringValue == name else {
      throw RecordingError(location, "not a drillsim frames file (no \"format\":\"\(name)\")")
    }
    guard let v = value["version"]?.integerValue, v == version else {
      throw RecordingError(
        location,
        "frames format version \(value["version"].map(JSONText.encode) ?? "?")"
          + " is not supported (this drillsim reads version \(version))")
    }
    guard let interval = value["interval_s"]?.doubleValue.flatMap(SimTime.init(seconds:)),
      interval > .zero
    else { throw RecordingError(location, "header: interval_s must be a positive number") }
    var map: FrameMap?
    if let m = value["map"] { map = try decodeMap(m, location: location) }
    return FrameHeader(
      scenario: value["scenario"]?.stringValue ?? "", start: value["start"]?.stringValue,
      interval: interval,
      duration: value["duration_s"]?.doubleValue.flatMap(SimTime.init(seconds:)), map: map)
  }

  static func decodeMap(_ value: Value, location: String) throws(RecordingError) -> FrameMap {
    func number(_ v: Value?) -> Double { v?.doubleValue ?? 0 }
    let links = (value["links"]?.arrayValue ?? []).map { link in
      FrameMap.Link(
        id: link["id"]?.stringValue ?? "", mode: link["mode"]?.stringValue ?? "road",
        points: (link["points"]?.arrayValue ?? []).map { $0.doubleValue ?? 0 })
    }
    let zones = (value["zones"]?.arrayValue ?? []).map { zone in
      FrameMap.Zone(
        id: zone["id"]?.stringValue ?? "", name: zone["name"]?.stringValue, x: number(zone["x"]),
        y: number(zone["y"]), population: zone["population"]?.integerValue ?? 0,
        grid: zone["grid"]?.stringValue)
    }
    let facilities = (value["facilities"]?.arrayValue ?? []).map { f in
      FrameMap.Facility(
        id: f["id"]?.stringValue ?? "", kind: f["kind"]?.stringValue ?? "",
        name: f["name"]?.stringValue, x: number(f["x"]), y: number(f["y"]),
        capacity: f["capacity"]?.integerValue)
    }
    return FrameMap(
      links: links, zones: zones,
      grids: (value["grids"]?.arrayValue ?? []).compactMap(\.stringValue),
      facilities: facilities)
  }

  /// A frame from its line's value; rasters apply their changed cells to
  /// `previous` (the frame before it) unless written in full.
  public static func decodeFrame(_ value: Value, previous: FrameSnapshot?, location: String)
    throws(RecordingError) -> FrameSnapshot
  {
    guard let t = value["t"]?.doubleValue, let time = SimTime(seconds: t) else {
      throw RecordingError(location, "frame without a time \"t\"")
    }
    var frame = FrameSnapshot(time: time)
    func ints(_ v: Value) -> [Int] { (v.arrayValue ?? []).map { $0.integerValue ?? 0 } }
    if let list = value["closures"]?.arrayValue {
      frame.closures = list.map { entry in
        let parts = entry.arrayValue ?? []
        let modes = parts.count > 1 ? parts[1].stringValue ?? "all" : "all"
        return FrameSnapshot.LinkClosure(
          link: parts.first?.integerValue ?? 0, driving: modes != "walk", walking: modes != "drive")
      }
    }
    if let list = value["loads"]?.arrayValue {
      frame.loads = list.map { entry in
        let v = ints(entry) + [0, 0, 0, 0]
        return FrameSnapshot.LinkLoad(link: v[0], people: v[1], vehicles: v[2], queue: v[3])
      }
    }
    if let list = value["zones"]?.arrayValue {
      frame.zones = list.map { FrameSnapshot.AreaStates(counts: ints($0)) }
    }
    if let list = value["grids"]?.arrayValue {
      frame.grids = list.map { FrameSnapshot.AreaStates(counts: ints($0)) }
    }
    if let list = value["shelters"]?.arrayValue {
      frame.shelters = list.map { entry in
        let parts = entry.arrayValue ?? []
        func at(_ i: Int) -> Int { i < parts.count ? parts[i].integerValue ?? 0 : 0 }
        return FrameSnapshot.ShelterFill(
          facility: parts.first?.stringValue ?? "", occupants: at(1), capacity: at(2))
      }
    }
    if let list = value["teams"]?.arrayValue {
      frame.teams = list.map { team in
        FrameSnapshot.TeamState(
          id: team["id"]?.stringValue ?? "", kind: team["kind"]?.stringValue ?? "",
          x: team["x"]?.doubleValue ?? 0, y: team["y"]?.doubleValue ?? 0,
          status: team["status"]?.stringValue ?? "")
      }
    }
    if let list = value["depots"]?.arrayValue {
      frame.depots = list.map { entry in
        let parts = entry.arrayValue ?? []
        let items = (parts.count > 1 ? parts[1].arrayValue ?? [] : []).map { item in
          let pair = item.arrayValue ?? []
          return (
            item: pair.first?.stringValue ?? "",
            quantity: pair.count > 1 ? pair[1].doubleValue ?? 0 : 0
          )
        }
        return FrameSnapshot.DepotStock(facility: parts.first?.stringValue ?? "", items: items)
      }
    }
    if let flood = value["flood"] {
      frame.flood = try raster(flood, previous: previous?.flood, location: location)
    }
    if let fire = value["fire"] {
      frame.fire = try raster(fire, previous: previous?.fire, location: location)
    }
    if let list = value["outages"]?.arrayValue {
      frame.outages = list.map { entry in
        let parts = (entry.arrayValue ?? []).compactMap(\.stringValue) + ["", ""]
        return FrameSnapshot.Outage(kind: parts[0], target: parts[1])
      }
    }
    if let list = value["metrics"]?.arrayValue {
      frame.metrics = list.map { entry in
        let parts = entry.arrayValue ?? []
        return FrameSnapshot.MetricValue(
          name: parts.first?.stringValue ?? "",
          value: parts.count > 1 ? parts[1].doubleValue ?? .nan : .nan)
      }
    }
    return frame
  }

  static func raster(_ value: Value, previous: RasterLayer?, location: String)
    throws(RecordingError) -> RasterLayer
  {
    var layer: RasterLayer
    if value["full"] == .bool(true) {
      guard let grid = value["grid"], let columns = grid["columns"]?.integerValue,
        let rows = grid["rows"]?.integerValue, columns > 0, rows > 0
      else { throw RecordingError(location, "raster without a valid grid") }
      let geometry = RasterLayer.Geometry(
        columns: columns, rows: rows, cellSize: grid["cell_size"]?.doubleValue ?? 1,
        west: grid["west"]?.doubleValue ?? 0, south: grid["south"]?.doubleValue ?? 0)
      let background = Int32(clamping: value["background"]?.integerValue ?? 0)
      layer = RasterLayer(geometry: geometry, background: background)
    } else {
      guard let previous else {
        throw RecordingError(location, "raster changes without a previous frame to apply them to")
      }
      layer = previous
    }
    let cells = value["cells"]?.arrayValue ?? []
    guard cells.count % 2 == 0 else {
      throw RecordingError(location, "raster cells must come in (cell, value) pairs")
    }
    var k = 0
    while k < cells.count {
      guard let cell = cells[k].integerValue, cell >= 0, cell < layer.values.count,
        let v = cells[k + 1].integerValue
      else { throw RecordingError(location, "raster cell \(k / 2 + 1) is out of the grid") }
      layer.values[cell] = Int32(clamping: v)
      k += 2
    }
    return layer
  }
}
