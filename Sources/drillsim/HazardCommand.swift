import ArgumentParser
import Foundation
import Scenario
import ScenarioLua
import Township

/// `drillsim hazard flood|fire SCENARIO --out DIR`: runs a scenario for its
/// hazards and writes them as ESRI ASCII grids.
///
/// The scenario runs as `drillsim run` would run it (its script starts the
/// rain, the inflows, the ignitions), but no results folder is written:
/// only the rasters, which open in any GIS.
struct HazardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hazard",
    abstract: "Run a scenario's flood or fire and write it as ESRI ASCII grids.",
    discussion: """
      flood: flood-max-depth.asc (deepest water, m) and flood-arrival.asc \
      (sim seconds at which each cell first got deeper than --arrival-depth, \
      checked at every flood step; NODATA where it never did). \
      fire: fire-arrival.asc (sim seconds at which the fire reached each \
      cell; NODATA where it never did by the end of the run).
      """)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case flood
    case fire
  }

  @Argument(help: "flood or fire.")
  var kind: Kind

  @Argument(help: "The scenario file (.lua).")
  var scenario: String

  @OptionGroup var options: ScenarioOptions

  @Option(help: "Folder for the grids (created if missing).")
  var out: String

  @Option(help: "Depth (m) that counts as the water's arrival.")
  var arrivalDepth = 0.1

  func validate() throws {
    guard arrivalDepth > 0, arrivalDepth.isFinite else {
      throw ValidationError("--arrival-depth must be a positive number")
    }
  }

  func run() throws {
    let depth = arrivalDepth
    let world = try options.load(
      scenario, sink: EventLog(), log: { printError($0) },
      adjust: { $0.floodArrivalDepth = depth })
    let result = world.run()
    if let error = result.error { printError("drillsim: \(scenario): \(error)") }
    var maps: [(name: String, raster: Raster)] = []
    switch kind {
    case .flood:
      guard let flood = world.floodModel else {
        printError("drillsim: invalid input: \(scenario) makes no flood (no sim.flood call)")
        throw ExitStatus.invalidInput.code
      }
      flood.advance(to: result.simEnd.seconds)
      maps.append(("flood-max-depth.asc", flood.maxDepthMap()))
      if let arrival = flood.arrivalMap() { maps.append(("flood-arrival.asc", arrival)) }
    case .fire:
      guard let fire = world.fireModel else {
        printError("drillsim: invalid input: \(scenario) makes no fire (no sim.fire call)")
        throw ExitStatus.invalidInput.code
      }
      maps.append(("fire-arrival.asc", fire.arrivalMap(until: result.simEnd.seconds)))
    }
    let folder = URL(fileURLWithPath: out)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for map in maps {
        let path = folder.appendingPathComponent(map.name).path
        try map.raster.writeAsciiGrid(path: path)
        let range = map.raster.valueRange.map {
          String(format: "%.3f..%.3f", $0.lowerBound, $0.upperBound)
        }
        print(
          "\(path): \(map.raster.columns) x \(map.raster.rows) cells, "
            + "values \(range ?? "none"), \(map.raster.noDataCount) NODATA")
      }
    } catch {
      printError("drillsim: cannot write to \(out): \(error)")
      throw ExitStatus.runFailed.code
    }
    switch result.status {
    case .complete: return
    case .failed: throw ExitStatus.runFailed.code
    case .limit: throw ExitStatus.limitHit.code
    }
  }
}
