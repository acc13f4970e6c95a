import LuaHost
import Scenario
import SimKernel
import Township

/// The response and supply models a map with facilities gets without
/// asking, and their coupling to the evacuation.
///
/// A scenario on a map with stations, depots or shelters reports response,
/// team, reporting and supply metrics even when it never calls those APIs:
/// zero incidents and idle teams are results too, and a sweep's columns
/// should not depend on which calls a variant happened to make. Both models
/// are built once the setup has run (the setup may already have built them
/// by calling `sim.team`, `sim.supply.*`, ...). While the evacuation and the
/// supply both exist, shelter admissions set the supplies' headcounts, and
/// the first evacuation order opens the reporting chain. While the
/// evacuation and the response both exist, households needing help raise
/// assistance incidents and are fetched (ResponseModel+Incidents); with a
/// flood too, households trapped at home raise water-rescue incidents.
extension LuaScenario {
  /// Facility kinds that make a map get the response and supply models.
  static let servedFacilities: Set<FacilityKind> = [.station, .depot, .shelter]

  /// Builds the response and supply models when the map has facilities
  /// they serve and the setup did not build them.
  func buildDefaultModels() throws(ScenarioError) {
    guard let map,
      map.township.facilities.contains(where: { LuaScenario.servedFacilities.contains($0.kind) })
    else { return }
    if response == nil { response = try makeResponse(on: map) }
    if supply == nil { supply = try makeSupply(on: map) }
  }

  /// A response model on `map` whose events are logged and announced.
  func makeResponse(on map: LiveMap) throws(ScenarioError) -> ResponseModel {
    let model = try ResponseModel(
      map: map, simulator: simulator, streams: streams, start: spec.start)
    model.observer = { [unowned(unsafe) self] event in self.announce(event) }
    return model
  }

  /// A supply model on `map` whose events are logged and announced.
  func makeSupply(on map: LiveMap) throws(ScenarioError) -> SupplyModel {
    let model = try SupplyModel(map: map, simulator: simulator)
    model.network.observer = { [unowned(unsafe) self] event in self.announce(event) }
    return model
  }

  /// Lets the supplies follow shelter admissions once both models exist
  /// (called whenever either is set).
  func coupleShelterSupply() {
    guard let evacuation, let supply else { return }
    supply.follow(evacuation)
  }

  /// Lets households needing help raise assistance incidents once the
  /// evacuation and the response both exist (called whenever either is
  /// set).
  func coupleAssistance() {
    guard let evacuation, let response else { return }
    response.assist(evacuation)
  }

  /// Raises a `trapped` incident for each household at home that the
  /// water just got too deep for (after every flood step).
  func raiseTrapped() {
    guard let flood, let evacuation, let response else { return }
    if trappedWatch == nil { trappedWatch = TrappedWatch(flood: flood, evacuation: evacuation) }
    guard let trapped = trappedWatch?.check(), !trapped.isEmpty else { return }
    response.reportTrapped(trapped, of: evacuation)
  }

  /// Host-side reactions to an event the models announce: the first
  /// evacuation order opens the reporting chain.
  func coupleHostEvent(_ name: String) {
    guard name == "evacuation.order", let response,
      response.openEvacuationReports(at: simulator.now)
    else { return }
    sink.record(
      at: simulator.now, kind: "report.opened",
      fields: [
        ("event", .string(ResponseModel.evacuationReportEvent)),
        ("occurred", .number(simulator.now.seconds)),
      ])
  }
}
