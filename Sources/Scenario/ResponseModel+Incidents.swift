import Evacuation
import Hazards
import Response
import SimKernel

/// Incidents the run raises by itself: households the water traps at
/// home, households that need a team to leave, and structure fires.
///
/// A rescued (`trapped`) household leaves with the team that got it out
/// (see ResponseModel+Rescue).
///
/// The coupling of the evacuation to the response lives here, in Scenario,
/// which may import both (DESIGN.md §1): Response knows nothing of
/// households and Evacuation nothing of teams. An assistance household is
/// fetched when its incident is done: it leaves in the team's vehicle (a
/// car or boat team drives, a team on foot walks it out) on the
/// evacuation's network to the order's shelters, so it queues, re-routes
/// and is counted safe like any other household; the team is free at the
/// scene. While no team has come, the household stays counted as
/// awaiting assistance.
extension ResponseModel {
  /// Seconds a team spends getting a household that cannot leave on its
  /// own ready and into its vehicle.
  public static let assistanceWork = 600.0

  /// Lets the evacuation's households needing help raise `assistance`
  /// incidents (id `assist.h<household>`) at their order, and be fetched
  /// when they are done.
  public func assist(_ evacuation: EvacuationModel) {
    self.evacuation = evacuation
    evacuation.onAssistanceNeeded = { [weak self] households, order in
      // Reported from the event loop, not inside the order's own call.
      self?.centre.simulator.schedule(after: .zero) { [weak self] in
        self?.reportAssistance(households, order: order)
      }
    }
  }

  func reportAssistance(_ households: [Int], order: Int) {
    guard let roster = evacuation?.roster else { return }
    for household in households {
      let incident = Incident(
        id: "assist.h\(household)", kind: .assistance, node: Int(roster.node[household]),
        work: .fixed(ResponseModel.assistanceWork), persons: Int(roster.size[household]),
        source: "evacuation")
      guard let index = try? centre.report(incident) else { continue }
      fetches[index] = (household, order)
      assistanceIncident[household] = index
    }
  }

  /// Reports a `trapped` incident (id `trapped.h<household>`, source
  /// `flood`) for each household, in the order given.
  public func reportTrapped(_ households: [Int], of evacuation: EvacuationModel) {
    self.evacuation = evacuation
    let roster = evacuation.roster
    for household in households {
      // Ids are unique per household and each is raised once.
      guard
        let index = try? centre.report(
          Incident(
            id: "trapped.h\(household)", kind: .trapped, node: Int(roster.node[household]),
            persons: Int(roster.size[household]), source: "flood"))
      else { continue }
      rescues[index] = household
    }
  }

  /// Reports a structure fire's incident (source `fire`) now, with the
  /// absolute time of its flashover (nil when the ventilation limit stops
  /// it short), so an arrival after it counts the room as lost.
  @discardableResult
  public func reportStructureFire(_ incident: Incident, flashover: SimTime?) throws(ScenarioError)
    -> Int
  {
    do {
      let index = try centre.report(incident)
      structureFires[index] = flashover ?? .never
      return index
    } catch {
      throw ScenarioError("incident \(incident.id)", error.description)
    }
  }

  /// The run's own reactions to a dispatch event, before the script hears
  /// of it: a fetched household leaves; a structure fire reached after its
  /// flashover is lost.
  func handle(_ event: ResponseEvent) {
    switch event {
    case .completed(let team, let incident):
      if let household = rescues.removeValue(forKey: incident) {
        return carryToShelter(household, by: team, from: incident)
      }
      guard let fetch = fetches.removeValue(forKey: incident), let evacuation else { return }
      assistanceIncident[fetch.household] = nil
      let mode: TravellerMode = centre.teams[team].spec.conveyance == .foot ? .walk : .drive
      evacuation.fetch(fetch.household, order: fetch.order, mode: mode)
    case .arrived(_, let incident):
      guard let flashover = structureFires[incident] else { return }
      structureFiresReached += 1
      if simulator.now >= flashover { roomsLost += 1 }
    default: return
    }
  }

  /// `fire.structure.*` metrics, once a structure fire was reported.
  func structureFireMetrics() -> [(name: String, value: Double)] {
    guard !structureFires.isEmpty else { return [] }
    return [
      ("fire.structure.fires", Double(structureFires.count)),
      ("fire.structure.reached", Double(structureFiresReached)),
      ("fire.structure.lost", Double(roomsLost)),
    ]
  }
}
