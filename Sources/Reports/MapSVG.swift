import Recording

/// The map at one frame as SVG: roads, closures, loads, water, fire,
/// villages by state and shelters by fill.
///
/// Drawn in map metres (y up, flipped by the view box), links merged into
/// one path per style, so a township of thousands of links stays a few
/// hundred kilobytes.
public struct MapSVG {
  public let map: FrameMap
  public var width = 640.0
  /// Raster grids to keep in view beside the map (water beyond the roads).
  var grids: [RasterLayer.Geometry] = []

  public init(map: FrameMap) { self.map = map }

  /// The map's extent (m): west, south, east, north.
  public var bounds: (Double, Double, Double, Double) {
    var xs: [Double] = []
    var ys: [Double] = []
    for link in map.links {
      for (k, v) in link.points.enumerated() {
        if k % 2 == 0 { xs.append(v) } else { ys.append(v) }
      }
    }
    xs += map.zones.map(\.x) + map.facilities.map(\.x)
    ys += map.zones.map(\.y) + map.facilities.map(\.y)
    for g in grids {
      xs += [g.west, g.west + Double(g.columns) * g.cellSize]
      ys += [g.south, g.south + Double(g.rows) * g.cellSize]
    }
    return (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 1, ys.max() ?? 1)
  }

  /// The `<svg>` of `frame` (the bare map when nil), titled `title`.
  public func svg(frame: FrameSnapshot?, title: String) -> String {
    let (west, south, east, north) = bounds
    let w = max(east - west, 1)
    let h = max(north - south, 1)
    let height = (width * h / w).rounded()
    let unit = w / width
    func n(_ v: Double) -> String { String(Int64(v.rounded())) }
    var out =
      "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" viewBox=\"\(n(west)) \(n(-north)) \(n(w)) \(n(h))\">"
    out += "<title>\(HTMLText.escape(title))</title>"
    out += "<rect x=\"\(n(west))\" y=\"\(n(-north))\" width=\"\(n(w))\" height=\"\(n(h))\" "
    out += "fill=\"#f7f5ef\"/>"
    if let fire = frame?.fire { out += cells(fire, colour: "#c0392b", opacity: 0.55) }
    if let flood = frame?.flood { out += cells(flood, colour: "#2e86de", opacity: 0.6) }
    var roads = ""
    var paths = ""
    for link in map.links {
      let d = pathData(link.points)
      if link.mode == "path" { paths += d } else { roads += d }
    }
    out += stroke(paths, colour: "#b5b0a1", width: unit * 0.8)
    out += stroke(roads, colour: "#6d6a61", width: unit * 1.4)
    if let loads = frame?.loads, !loads.isEmpty {
      var busy = ""
      for load in loads where map.links.indices.contains(load.link) {
        busy += pathData(map.links[load.link].points)
      }
      out += stroke(busy, colour: "#e67e22", width: unit * 3)
    }
    if let closures = frame?.closures, !closures.isEmpty {
      var closed = ""
      for closure in closures where map.links.indices.contains(closure.link) {
        closed += pathData(map.links[closure.link].points)
      }
      out += stroke(closed, colour: "#e3001b", width: unit * 4)
    }
    for (k, zone) in map.zones.enumerated() {
      let states = frame?.zones.flatMap { k < $0.count ? $0[k] : nil }
      out += "<circle cx=\"\(n(zone.x))\" cy=\"\(n(-zone.y))\" r=\"\(n(unit * 6))\" "
      out += "fill=\"\(Self.colour(states))\" stroke=\"#333\" stroke-width=\"\(n(unit))\">"
      out += "<title>\(HTMLText.escape(zone.name ?? zone.id))</title></circle>"
    }
    let fills = frame?.shelters ?? []
    for facility in map.facilities where facility.kind == "shelter" {
      let fill = fills.first { $0.facility == facility.id }
      let share =
        fill.map { $0.capacity > 0 ? min(1, Double($0.occupants) / Double($0.capacity)) : 0 } ?? 0
      let s = unit * 14
      out += "<rect x=\"\(n(facility.x - s / 2))\" y=\"\(n(-facility.y - s / 2))\" "
      out += "width=\"\(n(s))\" height=\"\(n(s))\" fill=\"#fff\" stroke=\"#1e8449\" "
      out +=
        "stroke-width=\"\(n(unit * 1.5))\"><title>\(HTMLText.escape(facility.name ?? facility.id))"
      out += "</title></rect>"
      if share > 0 {
        out += "<rect x=\"\(n(facility.x - s / 2))\" y=\"\(n(-facility.y + s / 2 - s * share))\" "
        out += "width=\"\(n(s))\" height=\"\(n(s * share))\" fill=\"#1e8449\"/>"
      }
    }
    for team in frame?.teams ?? [] {
      out += "<circle cx=\"\(n(team.x))\" cy=\"\(n(-team.y))\" r=\"\(n(unit * 4))\" "
      out += "fill=\"#8e44ad\"><title>\(HTMLText.escape(team.id + " " + team.status))"
      out += "</title></circle>"
    }
    return out + "</svg>"
  }

  func pathData(_ points: [Double]) -> String {
    guard points.count >= 4 else { return "" }
    var d = "M"
    var k = 0
    while k + 1 < points.count {
      if k > 0 { d += "L" }
      d += "\(Int64(points[k].rounded())) \(Int64((-points[k + 1]).rounded()))"
      k += 2
    }
    return d
  }

  func stroke(_ d: String, colour: String, width: Double) -> String {
    guard !d.isEmpty else { return "" }
    return "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" "
      + "stroke-width=\"\(String(format1: width))\" stroke-linecap=\"round\"/>"
  }

  /// Cells off the background as one path of squares.
  func cells(_ layer: RasterLayer, colour: String, opacity: Double) -> String {
    let g = layer.geometry
    let north = g.south + Double(g.rows) * g.cellSize
    let c = String(format1: g.cellSize)
    var d = ""
    for (cell, value) in layer.values.enumerated() where value != layer.background {
      let x = g.west + Double(cell % g.columns) * g.cellSize
      let y = -(north - Double(cell / g.columns) * g.cellSize)
      d += "M\(String(format1: x)) \(String(format1: y))h\(c)v\(c)h-\(c)z"
    }
    guard !d.isEmpty else { return "" }
    return "<path d=\"\(d)\" fill=\"\(colour)\" fill-opacity=\"\(opacity)\"/>"
  }

  /// A zone's colour by its largest state (grey without states).
  static func colour(_ states: FrameSnapshot.AreaStates?) -> String {
    guard let states else { return "#bbbbbb" }
    let colours = ["#95a5a6", "#f1c40f", "#e67e22", "#3498db", "#27ae60", "#c0392b"]
    let counts = states.counts
    guard let top = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[top] > 0 else {
      return "#bbbbbb"
    }
    return colours[top]
  }
}
