import Foundation
import Testing

/// The library's scenarios do what their headers promise on the real
/// township: the levee breach wets a village and closes and reopens roads,
/// the forest fire reaches a village, the debris flow cuts the valley road
/// until the crew clears it, the three cuts silence warning channels and
/// re-route the evacuation, and the weekend fire's guests and children are
/// there and moved.
@Suite struct ScenarioLibraryTests {
  @Test func leveeBreachWetsAVillageAndClosesAndReopensRoads() async throws {
    let run = try await ShippedRuns.shared.run("levee-breach-night.lua")
    let metrics = run.metrics
    #expect((metrics["flood.villages_wet"] ?? 0) >= 1)
    #expect((metrics["flood.village_max_depth_m"] ?? 0) > 0.3)
    #expect((metrics["flood.roads_flooded"] ?? 0) > 0)
    #expect(run.kinds.contains("link.flooded"))
    #expect(run.kinds.contains("link.reopened"))
    // Both breaches let water onto the grid, and the grid holds it all.
    let levee = metrics["flood.levee_released_m3"] ?? 0
    let dam = metrics["flood.dam_released_m3"] ?? 0
    #expect(levee > 0 && dam > 0)
    let volume = metrics["flood.volume_m3"] ?? 0
    #expect(abs(volume - (levee + dam)) <= 1e-6 * volume)
    // The order went out and the township's first report was filed.
    #expect((metrics["evacuation.z2036303118.persons"] ?? 0) > 0)
    #expect((metrics["reports.on_time"] ?? 0) + (metrics["reports.late"] ?? 0) >= 1)
  }

  @Test func forestFireReachesAVillageAndClosesRoads() async throws {
    let run = try await ShippedRuns.shared.run("forest-fire-wind.lua")
    let metrics = run.metrics
    #expect((metrics["fire.burned_area_m2"] ?? 0) > 100_000)
    #expect((metrics["fire.villages_reached"] ?? 0) >= 1)
    let first = metrics["fire.first_village_arrival_s"] ?? -1
    #expect(first > 0 && first < 4 * 3600)
    #expect((metrics["fire.roads_closed"] ?? 0) > 0)
    #expect(run.kinds.contains("team.arrived"))
  }

  @Test func debrisFlowCutsTheValleyRoadUntilTheCrewClearsIt() async throws {
    let run = try await ShippedRuns.shared.run("flash-flood-debris-flow.lua")
    let metrics = run.metrics
    let flow = metrics["ground.debris_flow_s"] ?? -1
    let cleared = metrics["ground.road_cleared_s"] ?? -1
    #expect(flow > 0)
    #expect(cleared > flow)
    #expect(run.kinds.contains("outage.start"))
    #expect(run.kinds.contains("outage.end"))
    // The brook's flash flood closes roads.
    #expect((metrics["flood.roads_flooded"] ?? 0) > 0)
  }

  @Test func threeCutsSilenceChannelsAndRerouteTheEvacuation() async throws {
    let run = try await ShippedRuns.shared.run("three-cuts-flood.lua")
    let metrics = run.metrics
    #expect((metrics["outage.power_zone_min"] ?? 0) > 0)
    #expect((metrics["outage.network_zone_min"] ?? 0) > 0)
    #expect((metrics["outage.road_link_min"] ?? 0) > 0)
    // The four powerless hamlets and Altenplos cannot answer the call:
    // each goes door to door.
    #expect((metrics["warning.grids_escalated"] ?? 0) >= 5)
    #expect(run.kinds.contains("warning.door_finished"))
    // Travellers meeting the closed road find another way.
    #expect((metrics["evacuation.rerouted"] ?? 0) > 0)
  }

  @Test func weekendGuestsAndChildrenAreThereAndMoved() async throws {
    let run = try await ShippedRuns.shared.run("weekend-fire-school-farmstay.lua")
    let metrics = run.metrics
    // Bremermühle: 38 residents and 45 guests, all following the order.
    #expect(metrics["evacuation.z1226409121.persons"] == Double(38 + 45))
    // The festival's 60 children wait for a team: the order raises one
    // assistance incident for them (the scenario asks for no other), and a
    // team comes and takes them away.
    #expect(metrics["response.incidents.assistance"] == 1)
    #expect(metrics["evacuation.awaiting_assistance"] == 0)
    #expect(run.kinds.contains("team.arrived"))
    #expect((metrics["fire.burned_area_m2"] ?? 0) > 100_000)
  }

  /// The default township's forces come from its map: the brigades of the
  /// seven fire stations beside the three teams the script names (the
  /// water rescue team and a militia at each of the two town halls), supplies
  /// from the map's depot; and its summary carries response, utilisation,
  /// reporting and supply metrics, the reports filed on time.
  @Test func defaultTownshipRespondsReportsAndSupplies() async throws {
    let run = try await ShippedRuns.shared.run("default.lua")
    let metrics = run.metrics
    #expect(metrics["teams.count"] == 10)
    #expect((metrics["response.incidents"] ?? 0) > 0)
    #expect(metrics["response.served"] == metrics["response.incidents"])
    #expect((metrics["response.mean_s"] ?? 0) > 0)
    #expect((metrics["teams.utilisation"] ?? 0) > 0 && (metrics["teams.utilisation"] ?? 1) < 1)
    #expect(metrics["reports.due"] == 14)
    #expect(metrics["reports.on_time"] == 14)
    #expect((metrics["supply.deliveries"] ?? 0) > 0)
    #expect((metrics["supply.water.delivered"] ?? 0) > 0)
    #expect(metrics["supply.shortfall_person_h"] != nil)
    #expect(run.kinds.contains("team.arrived"))
  }
}
