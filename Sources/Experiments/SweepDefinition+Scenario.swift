import Foundation
import Scenario
import ScenarioLua

/// Building a definition from a scenario file and the command line.
extension SweepDefinition {
  /// What the command line says about a sweep.
  public struct Request: Sendable {
    public var design: SweepDesign
    public var samples: Int?
    public var levels: Int
    public var replications: Int
    public var seed: UInt64
    /// `--param name=value` pins.
    public var pins: [(name: String, text: String)]
    /// `--vary name=a:b` or `name=a,b,c` overrides.
    public var varies: [String]
    public var maxInstructions: Int64
    public var maxMemoryMb: Int

    public init(
      design: SweepDesign, samples: Int? = nil, levels: Int = 3, replications: Int,
      seed: UInt64 = 1, pins: [(name: String, text: String)] = [], varies: [String] = [],
      maxInstructions: Int64? = nil, maxMemoryMb: Int? = nil
    ) {
      self.design = design
      self.samples = samples
      self.levels = levels
      self.replications = replications
      self.seed = seed
      self.pins = pins
      self.varies = varies
      // Defaults: the limits of `drillsim run`.
      let limits = RunOptions.defaultLimits
      self.maxInstructions = maxInstructions ?? limits.instructions
      self.maxMemoryMb = maxMemoryMb ?? limits.memoryBytes >> 20
    }
  }

  /// Loads the scenario's setup once (with the pins, so they are checked)
  /// to learn its parameters, then builds the definition.
  ///
  /// Every declared parameter with a range, a list of values or a boolean
  /// default is varied unless pinned; `--vary` replaces a range or makes a
  /// parameter without one vary.
  ///
  /// - Throws: `ExperimentsError`, invalid input for bad options or a bad
  ///   scenario, not for a setup that fails as a script.
  public init(scenarioPath: String, request: Request) throws(ExperimentsError) {
    self = try Self.load(scenarioPath: scenarioPath, request: request).definition
  }

  /// The definition as `init(scenarioPath:request:)` builds it, with the
  /// labels of the map's zones (for the store, and so the report).
  public static func load(scenarioPath: String, request: Request) throws(ExperimentsError)
    -> (definition: SweepDefinition, zones: [ZoneLabel])
  {
    guard request.replications >= 1 else {
      throw ExperimentsError("--replications", "must be at least 1")
    }
    guard request.levels >= 1, request.levels <= 1000 else {
      throw ExperimentsError("--levels", "must be between 1 and 1000")
    }
    if request.design.usesSamples {
      guard let samples = request.samples, samples >= 1 else {
        throw ExperimentsError(
          "--samples", "the \(request.design.rawValue) design needs --samples N (N >= 1)")
      }
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: scenarioPath))
    } catch {
      throw ExperimentsError(scenarioPath, "no such scenario file")
    }
    var options = RunOptions(seed: request.seed, params: request.pins)
    options.limits.instructions = request.maxInstructions
    options.limits.memoryBytes = request.maxMemoryMb << 20
    let world: LuaScenario
    do {
      world = try LuaScenario(path: scenarioPath, options: options, sink: DiscardingEventSink())
    } catch let error as ScenarioError {
      throw ExperimentsError(error.location, error.message)
    } catch {
      throw ExperimentsError(scenarioPath, "setup failed: \(error)", invalidInput: false)
    }
    let specs = world.parameterSpecs
    var varies: [String: String] = [:]
    for item in request.varies {
      guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
        throw ExperimentsError("--vary \(item)", "expected name=low:high or name=a,b,c")
      }
      let name = String(item[..<eq])
      guard specs.contains(where: { $0.name == name }) else {
        throw ExperimentsError("--vary \(name)", "the scenario declares no parameter '\(name)'")
      }
      guard !request.pins.contains(where: { $0.name == name }) else {
        throw ExperimentsError("--vary \(name)", "the parameter is also pinned with --param")
      }
      varies[name] = String(item[item.index(after: eq)...])
    }
    var pinned: [Setting] = []
    var factors: [Factor] = []
    for spec in specs {
      if let pin = request.pins.last(where: { $0.name == spec.name }) {
        do {
          guard let level = ParameterLevel(try spec.parse(pin.text)) else { continue }
          pinned.append(Setting(name: spec.name, level: level))
        } catch {
          throw ExperimentsError(error.location, error.message)
        }
      } else if let text = varies[spec.name] {
        factors.append(try Factor(spec, vary: text))
      } else if let factor = Factor(spec) {
        factors.append(factor)
      }
    }
    let definition = SweepDefinition(
      scenario: world.spec.name, scenarioDigest: Self.digest(data), design: request.design,
      samples: request.design.usesSamples ? request.samples ?? 0 : 0,
      levels: request.design.usesSamples ? 0 : request.levels,
      replications: request.replications, seed: request.seed, pinned: pinned, factors: factors,
      maxInstructions: request.maxInstructions, maxMemoryMb: request.maxMemoryMb)
    guard !factors.isEmpty || !definition.points().isEmpty else {
      throw ExperimentsError(scenarioPath, "the sweep has no design points")
    }
    let zones = world.zoneLabels.map { ZoneLabel(metricWord: $0.metricWord, name: $0.name) }
    return (definition, zones)
  }
}
