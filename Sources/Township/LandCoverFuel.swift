/// A fuel raster from OpenStreetMap land cover: each cell gets the standard
/// fuel model number of the land-use or natural polygon over its centre.
///
/// The mapping, with the Scott & Burgan (2005, RMRS-GTR-153) model each
/// class stands for:
///
/// | OSM tags | model | why |
/// |---|---|---|
/// | landuse=forest, natural=wood | 165 TU5 timber-shrub | Franconian spruce/pine stands with shrub understory |
/// | natural=scrub, heath; landuse=orchard | 142 SH2 moderate-load shrub | dense low shrub |
/// | landuse=meadow, farmland, grass, allotments, greenfield, recreation_ground; natural=grassland | 102 GR2 low-load grass | cured summer grass and stubble |
/// | landuse=residential, industrial, commercial, retail, farmyard, construction, cemetery, railway, quarry, landfill, brownfield; building=* | 91 NB1 urban | built-up, non-burnable |
/// | natural=water, wetland; waterway=riverbank; landuse=reservoir, basin | 98 NB8 open water | non-burnable |
/// | highway = motorway ... tertiary (and links), rivers | 99 NB9 bare ground | roads and rivers wide enough to hold a surface fire |
///
/// Cells no polygon covers get `unmappedModel` (GR1 short sparse grass,
/// 101): open countryside is farmland or pasture where nothing is mapped.
/// Classes are painted in the order of the table's priority (grass, shrub,
/// timber, then the non-burnable classes), so a village polygon inside a
/// forest stays non-burnable; within a class ways go by id. Only closed
/// ways count as polygons (multipolygon relations are not read by
/// `OSMExtract`); a cell is inside when its centre is (even-odd rule).
public enum LandCoverFuel {
  /// The model of cells no polygon covers: GR1.
  public static let unmappedModel = 101.0

  /// Painting classes in order: later ones win.
  enum Cover: Int, CaseIterable {
    case grass, shrub, timber, built, water, road

    var model: Double {
      switch self {
      case .grass: 102
      case .shrub: 142
      case .timber: 165
      case .built: 91
      case .water: 98
      case .road: 99
      }
    }
  }

  static let grassUse: Set<String> = [
    "meadow", "farmland", "grass", "allotments", "greenfield", "recreation_ground", "village_green",
  ]
  static let builtUse: Set<String> = [
    "residential", "industrial", "commercial", "retail", "farmyard", "construction", "cemetery",
    "railway", "quarry", "landfill", "brownfield",
  ]
  static let majorRoads: Set<String> = [
    "motorway", "trunk", "primary", "secondary", "tertiary", "motorway_link", "trunk_link",
    "primary_link", "secondary_link", "tertiary_link",
  ]

  /// The cover class of a way's tags, and whether it is an area (else a
  /// line); nil when the tags say nothing about fuel.
  static func cover(of tags: [String: String]) -> (Cover, area: Bool)? {
    let landuse = tags["landuse"] ?? ""
    let natural = tags["natural"] ?? ""
    if let highway = tags["highway"], majorRoads.contains(highway) { return (.road, false) }
    if tags["waterway"] == "river" { return (.road, false) }
    if natural == "water" || natural == "wetland" || tags["waterway"] == "riverbank"
      || landuse == "reservoir" || landuse == "basin"
    {
      return (.water, true)
    }
    if tags["building"] != nil || builtUse.contains(landuse) { return (.built, true) }
    if landuse == "forest" || natural == "wood" { return (.timber, true) }
    if natural == "scrub" || natural == "heath" || landuse == "orchard" { return (.shrub, true) }
    if grassUse.contains(landuse) || natural == "grassland" { return (.grass, true) }
    return nil
  }

  /// The fuel raster on `frame`'s cells for the ways of `extract`,
  /// projected with `projection`.
  public static func raster(
    from extract: OSMExtract, projection: LocalProjection, like frame: Raster
  ) -> Raster {
    var fuel = Raster(
      columns: frame.columns, rows: frame.rows, west: frame.west, south: frame.south,
      cellWidth: frame.cellWidth, cellHeight: frame.cellHeight,
      values: [Double](repeating: unmappedModel, count: frame.columns * frame.rows))
    var classified: [(Cover, Bool, OSMExtract.Way)] = []
    for way in extract.ways {
      if let (cover, area) = cover(of: way.tags) { classified.append((cover, area, way)) }
    }
    classified.sort { ($0.0.rawValue, $0.2.id) < ($1.0.rawValue, $1.2.id) }
    for (cover, area, way) in classified {
      let points = way.nodeRefs.compactMap { extract.coordinates[$0].map(projection.project) }
      if area {
        guard points.count >= 4, way.nodeRefs.first == way.nodeRefs.last else { continue }
        fill(polygon: points, with: cover.model, on: &fuel)
      } else {
        trace(line: points, with: cover.model, on: &fuel)
      }
    }
    return fuel
  }

  /// Sets every cell whose centre is inside `polygon` (even-odd) to `value`.
  static func fill(polygon: [MapPoint], with value: Double, on raster: inout Raster) {
    let ys = polygon.map(\.y)
    guard let low = ys.min(), let high = ys.max() else { return }
    let top = max(0, Int(((raster.north - high) / raster.cellHeight).rounded(.down)))
    let bottom = min(raster.rows - 1, Int(((raster.north - low) / raster.cellHeight).rounded(.up)))
    guard top <= bottom else { return }
    for row in top...bottom {
      let y = raster.north - (Double(row) + 0.5) * raster.cellHeight
      var crossings: [Double] = []
      for (a, b) in zip(polygon, polygon.dropFirst()) where (a.y > y) != (b.y > y) {
        crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
      }
      crossings.sort()
      var index = 0
      while index + 1 < crossings.count {
        let first = Int(((crossings[index] - raster.west) / raster.cellWidth - 0.5).rounded(.up))
        let last = Int(
          ((crossings[index + 1] - raster.west) / raster.cellWidth - 0.5).rounded(.down))
        if first <= last {
          for column in max(0, first)...min(raster.columns - 1, last) where column >= 0 {
            raster.values[row * raster.columns + column] = value
          }
        }
        index += 2
      }
    }
  }

  /// Sets every cell `line` passes through (sampled at a quarter cell) to `value`.
  static func trace(line: [MapPoint], with value: Double, on raster: inout Raster) {
    let spacing = 0.25 * min(raster.cellWidth, raster.cellHeight)
    for (a, b) in zip(line, line.dropFirst()) {
      let pieces = max(1, Int((a.distance(to: b) / spacing).rounded(.up)))
      for piece in 0...pieces {
        let f = Double(piece) / Double(pieces)
        let point = MapPoint(x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y))
        if let cell = raster.cell(containing: point) {
          raster.values[cell.row * raster.columns + cell.column] = value
        }
      }
    }
  }
}
