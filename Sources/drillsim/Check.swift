import ArgumentParser
import Foundation
import Scenario
import ScenarioLua

/// `drillsim check`: loads a scenario and runs its setup, without running
/// the simulation, and reports what it declares.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Validate a scenario: its header, files and parameters.")

  @Argument(help: "The scenario file (.lua).")
  var scenario: String?

  @OptionGroup var options: ScenarioOptions

  func run() throws {
    let path = ScenarioLocation.resolve(scenario)
    let world = try options.load(path, sink: EventLog()) { _ in }
    let spec = world.spec
    print("\(path): ok")
    print("  name: \(spec.name)")
    print("  duration: \(spec.duration.map { "\($0) s" } ?? "until no events are left")")
    print("  seed: \(world.effectiveSeed)")
    if let map = spec.map { print("  map: \(map)") }
    for raster in spec.rasters { print("  \(raster.field): \(raster.path)") }
    for parameter in world.parameterSpecs {
      let doc = parameter.doc.map { ": \($0)" } ?? ""
      print("  param \(parameter.name) = \(describe(parameter.defaultValue))\(doc)")
    }
  }

  func describe(_ value: Value) -> String {
    switch value {
    case .integer(let i): return String(i)
    case .number(let d): return String(d)
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return String(b)
    default: return "?"
    }
  }
}
