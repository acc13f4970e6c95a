import Evacuation
import SimKernel
import Township

/// `evacuation.exposed_person_min`: how long people stayed where a hazard
/// was over its threshold.
///
/// Definition: at every sample of the movement's time series (every 60 s
/// from the first order while anyone is unsettled) and at every flood step
/// (every 60 s while there is a flood) — no event of its own — the persons
/// who are either at home (every household of the roster that
/// has not set off: not yet departed, waiting for a warning or for help,
/// refusing, or outside the ordered zones) where the hazard is over its
/// threshold at the household's position, or on a link where it is over
/// its threshold at the link's midpoint, are multiplied by the time since
/// the previous sample (or since the model was built) and summed; the
/// metric is that sum in minutes. Households back home after leaving a
/// shelter count as at home, and on their way as on a link; those among
/// them found in hazard at any sample are `evacuation.returned_exposed`.
/// People sheltering in place are not counted (they stopped where they
/// found no way on).
/// The hazard test (`hazard`) is set by the run: flood depth over the
/// walking threshold (0.5 m) or the fire's arrival time passed. The flood
/// is read as of its last coupling step.
extension EvacuationModel {
  /// Adds the exposure since the previous sample, counted at `time`;
  /// samples at or before the previous one add nothing.
  public func sampleExposure(upTo time: SimTime) {
    guard let hazard, time > exposureSampledAt else { return }
    let last = exposureSampledAt
    exposureSampledAt = time
    let interval = (time - last).seconds
    var exposed = 0
    if householdsAtHomeCount > 0 {
      for household in 0..<roster.count where isAtHome(household: household) {
        if hazard(roster.position(of: household), time) { exposed += Int(roster.size[household]) }
      }
    }
    for (link, persons) in network.personsOnLinks().enumerated() where persons > 0 {
      if hazard(midpoint(of: link), time) { exposed += persons }
    }
    exposedPersonSeconds += Double(exposed) * interval
    for t in network.returners where !returnerExposed[t] {
      if network.isAtHome(t) {
        returnerExposed[t] = hazard(roster.position(of: travellerHousehold[t]), time)
      } else if let link = network.currentLink(t) {
        returnerExposed[t] = hazard(midpoint(of: link), time)
      }
    }
  }

  /// Persons of returning households found in hazard since they left a shelter.
  public var returnedExposedPersons: Int {
    (0..<network.travellerCount).reduce(0) { sum, t in
      sum + (returnerExposed[t] ? Int(roster.size[travellerHousehold[t]]) : 0)
    }
  }

  /// The middle of a link, where its hazard is read.
  func midpoint(of link: Int) -> MapPoint {
    let township = map.township
    let from = township.nodes[township.links[link].from].position
    let to = township.nodes[township.links[link].to].position
    return MapPoint(x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
  }
}
