import Evacuation
import Foundation
import Hazards
import Response
import Scenario
import SimKernel
import Township

/// One run of the county drill DESIGN.md §7 sizes: a river flood on a
/// synthetic county, its evacuation and the response, for 12 simulated hours.
///
/// Built from the models' public APIs the way a scenario script wires
/// them (no Lua, so the run measures the models, not the bindings):
///
/// - Flood: the main valley, a band 3.3 km either side of the river axis
///   along the whole county, on a DEM sampled from the synthetic terrain.
///   Rain of 20 mm/h for the first 6 h over the band, a river flood wave
///   entering at the upstream end (200 m3/s rising to 3,000 m3/s by 3 h,
///   held to 8 h, falling to 1,000 m3/s at 12 h) and a spate from every
///   side stream (20 rising to 150 m3/s at 4 h). The band's east edge, where
///   the river goes on out of the county, lets water out at normal depth on
///   the valley's gradient (the other edges are closed: the upstream end,
///   where the flood wave enters, and the hillsides along the band). The
///   water advances every 60 s (the scenario default `sim.flood.step`),
///   closing and reopening links; zones and shelters the water reaches
///   start incidents and shelter closures.
/// - Evacuation: at 0 a warning to every zone (broadcast, SMS, gong, door
///   to door); at 30 min every zone ordered out, `auto` mode, half the
///   households driving, pre-movement lognormal (mu 6.2, sigma 0.6: median
///   8 min) as in the `evac-county` benchmark. Every village of the
///   synthetic county stands on a valley floor beside its river or stream,
///   so every zone is a flood zone.
/// - Response and supplies: see `CountyDrill+Response.swift`.
final class CountyDrill {
  /// Seconds between flood advances (the scenario default).
  static let floodStep = 60.0
  /// Half-width of the flood band, metres from the river axis: the main
  /// floor (1.2 km), the meander (0.3 km) and 1.8 km of side valleys and
  /// hillside, where the side streams come in.
  static let bandHalfWidth = 3_300.0
  /// When the evacuation order goes out, seconds.
  static let orderTime = 1_800.0
  /// The drill's start (local time of day drives duty shifts): 02:00.
  static let start = "2026-07-15T02:00:00+08:00"

  let county: SyntheticCounty
  let simulator = Simulator()
  let map: LiveMap
  let evacuation: EvacuationModel
  let flood: FloodModel
  let response: ResponseModel
  let supply: SupplyModel
  /// Simulated seconds the run lasts.
  let duration: Double
  /// The first error a scheduled step met; the run reports it and stops.
  var failure: String?

  /// Wall seconds spent advancing the water and coupling it to the map.
  var floodSeconds = 0.0
  /// The part of `floodSeconds` spent coupling (links and places).
  var couplingSeconds = 0.0
  var linkClosures = 0
  var wetZones = 0
  var floodedShelters = 0
  var incidentsReported = 0
  var dispatches = 0
  var deliveries = 0
  /// The deepest water on the band on each hour, and where: the solver's
  /// time step follows it.
  var hourlyDeepest: [(depth: Double, x: Double, y: Double)] = []
  /// The nearest depot (supply site index) of each supply site.
  var nearestDepot: [Int] = []
  /// What each supply site was first stocked with, per item (0 for depots).
  var firstStock: [Double] = []

  /// Builds the models on `county`: nothing runs until `run()`.
  init(county: SyntheticCounty, cellSize: Double, hours: Double, seed: UInt64) throws {
    self.county = county
    duration = hours * 3_600
    let streams = RandomStreams(seed: seed)
    map = LiveMap(township: county.township)
    flood = try FloodModel(
      terrain: Self.valleyBand(county.terrain, cellSize: cellSize), roughness: nil, at: 0)
    try flood.setBoundaries(Self.outlet(of: county.terrain))
    flood.couple(to: map)
    evacuation = try EvacuationModel(map: map, simulator: simulator, streams: streams)
    evacuation.network.reserveTravellers(evacuation.roster.count)
    response = try ResponseModel(
      map: map, simulator: simulator, streams: streams, start: Self.start)
    supply = try SupplyModel(map: map, simulator: simulator)
    try addFloodSources()
    try addTeams()
    try stockSupplies()
    supply.follow(evacuation)
    response.centre.observer = { [unowned(unsafe) self] event in self.count(event) }
    supply.network.observer = { [unowned(unsafe) self] event in self.restock(event) }
  }

  /// Flood cells on the DEM.
  var floodCells: Int { flood.solver.grid.ncols * flood.solver.grid.nrows }

  /// Runs the 12 hours: warning, order, flood ticks, then the loop.
  func run() {
    let zones = Array(county.township.zones.indices)
    do {
      try evacuation.warn(
        WarningPlan(
          zones: zones, channels: [.broadcast, .sms, .gong, .door], issuedAt: simulator.now,
          message: "river flood warning"))
    } catch {
      failure = "warning: \(error)"
      return
    }
    simulator.schedule(after: SimTime(ms: Int64(Self.orderTime * 1_000))) {
      [unowned(unsafe) self] in self.orderOut(zones)
    }
    scheduleFloodTick()
    simulator.run(until: SimTime(ms: Int64(duration * 1_000)))
  }

  /// Every zone ordered out; the reporting chain and the assistance
  /// incidents follow the order.
  func orderOut(_ zones: [Int]) {
    let order = EvacuationOrder(
      zones: zones, mode: .auto, premovement: .lognormal(mu: 6.2, sigma: 0.6), carShare: 0.5)
    do {
      try evacuation.evacuate(order)
    } catch {
      failure = "order: \(error)"
      return
    }
    if response.openEvacuationReports(at: simulator.now) {
      scheduleReports(event: ResponseModel.evacuationReportEvent)
    }
    reportAssistance()
  }

  /// Advances the water every `floodStep` seconds to the end of the run.
  func scheduleFloodTick() {
    simulator.schedule(after: SimTime(ms: Int64(Self.floodStep * 1_000))) {
      [unowned(unsafe) self] in
      guard self.failure == nil else { return }
      let clock = ContinuousClock()
      let started = clock.now
      self.flood.advance(to: self.simulator.now.seconds)
      let advanced = clock.now
      self.linkClosures += self.flood.updateLinks().filter(\.isClosing).count
      let sites = self.flood.updateSites()
      let end = clock.now
      self.floodSeconds += Self.seconds(end - started)
      self.couplingSeconds += Self.seconds(end - advanced)
      self.reached(sites)
      if Int(self.simulator.now.seconds) % 3_600 == 0 { self.recordDeepest() }
      if self.simulator.now.seconds + Self.floodStep <= self.duration { self.scheduleFloodTick() }
    }
  }

  /// Notes the deepest water on the band now and where it stands.
  func recordDeepest() {
    let depths = flood.solver.depths()
    guard let cell = depths.indices.max(by: { depths[$0] < depths[$1] }) else { return }
    let grid = flood.solver.grid
    let (x, y) = grid.centre(col: cell % grid.ncols, row: cell / grid.ncols)
    hourlyDeepest.append((depths[cell], x, y))
  }

  /// A duration in seconds.
  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// Zones the water reached call for water rescue; flooded shelters close.
  func reached(_ sites: [FloodCoupling.SiteEvent]) {
    for event in sites {
      switch event.site.kind {
      case .zone:
        wetZones += 1
        reportTrapped(zone: event.site.id)
      case .shelter:
        floodedShelters += 1
        if let shelter = try? evacuation.shelter(event.site.id) {
          evacuation.closeShelter(shelter)
        }
      case .supplier: continue
      }
    }
  }

  /// The flood's DEM: the band along the main valley, sampled from the
  /// terrain at cell centres (row 0 north, as rasters are stored).
  static func valleyBand(_ terrain: SyntheticTerrain, cellSize: Double) -> Raster {
    let columns = Int((terrain.length / cellSize).rounded(.up))
    let rows = Int((2 * bandHalfWidth / cellSize).rounded(.up))
    let south = -bandHalfWidth
    let north = south + Double(rows) * cellSize
    var values = [Double](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      let y = north - (Double(row) + 0.5) * cellSize
      for column in 0..<columns {
        let x = (Double(column) + 0.5) * cellSize
        values[row * columns + column] = terrain.elevation(at: MapPoint(x: x, y: y))
      }
    }
    return Raster(
      columns: columns, rows: rows, west: 0, south: south, cellWidth: cellSize,
      cellHeight: cellSize, values: values)
  }

  /// The band's edges: free outflow at the east end at normal depth on the
  /// main valley's gradient (1 m per km), closed elsewhere.
  ///
  /// With every edge closed, 12 hours of the river's and the side streams'
  /// water pile up against the east end, metres deep, and the solver's time
  /// step, which follows the deepest water, shrinks with it: neither is
  /// what a river that flows on out of the county does.
  static func outlet(of terrain: SyntheticTerrain) -> FloodBoundaries {
    let gradient =
      (terrain.riverElevation(at: 0) - terrain.riverElevation(at: terrain.length))
      / terrain.length
    return FloodBoundaries(east: .free(slope: gradient))
  }

  /// Rain over the band, the flood wave at the upstream end, side spates.
  ///
  /// The band is the lower catchment: the valley floor where the villages
  /// are and the hillsides that drain straight onto it. Its rain is the
  /// local runoff that reaches the villages before the river does (and
  /// what makes every cell of the band wet, as a real storm does); the rest
  /// of the catchment comes in as the upstream wave and the side spates.
  func addFloodSources() throws {
    try flood.addRain(mmPerHour: 20, from: 0, to: 6 * 3_600)
    let terrain = county.terrain
    let cell = flood.solver.grid.cellSize
    // Across the main valley's floor: at 3,000 m3/s the river fills its
    // flood plain on the way in.
    let inlet = 2 * cell
    let river = terrain.riverY(at: inlet)
    let floor = SyntheticTerrain.mainFloorHalfWidth
    try flood.addInflow(
      x: inlet, y: river - floor, to: (inlet, river + floor),
      points: [(0, 200), (3 * 3_600, 3_000), (8 * 3_600, 3_000), (12 * 3_600, 1_000)])
    // Inside the band wherever the meander (300 m) puts the river.
    let reach = Self.bandHalfWidth - 300 - 2 * cell
    for valley in terrain.valleys {
      try flood.addInflow(
        x: valley.x, y: terrain.riverY(at: valley.x) + valley.side * reach,
        points: [(0, 20), (4 * 3_600, 150), (12 * 3_600, 50)])
    }
  }
}
