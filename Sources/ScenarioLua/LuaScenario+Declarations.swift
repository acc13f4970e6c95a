import Foundation
import LuaHost
import Scenario
import SimKernel
import Township

/// `scenario{}`, `sim.param` and `sim.objective`: the declarations whose
/// mistakes are invalid input (exit 2), not script errors.
extension LuaScenario {
  /// Rejects input: the message gets the caller's file and line from the
  /// bridge, and the run ends with exit code 2.
  func reject(_ message: String) -> LuaCallError {
    rejectedInput = true
    return LuaCallError(message)
  }

  func declareHeader(_ call: LuaCall) throws(LuaCallError) -> Int32 {
    guard call.type(at: 1) == .table else {
      throw reject("scenario{} expects a table of fields, got \(call.describe(1))")
    }
    guard !headerDeclared else { throw reject("scenario{} is declared twice") }
    headerDeclared = true
    let fields = call.stringKeys(1)
    for field in fields where !ScenarioSpec.fields.contains(field) {
      throw reject(
        "unknown scenario field '\(field)' (known fields: \(ScenarioSpec.fields.joined(separator: ", ")))"
      )
    }
    func text(_ field: String) throws(LuaCallError) -> String? {
      let type = call.field(1, field) { call.type(at: $0) }
      guard type != .nil else { return nil }
      guard type == .string, let value = call.field(1, field, { call.string(at: $0) }) else {
        throw reject("scenario field '\(field)' must be a string, got \(type.name)")
      }
      return value
    }
    if let name = try text("name") {
      guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
        throw reject("scenario field 'name' must be a non-empty name without '/'")
      }
      spec.name = name
    }
    let folder = ScenarioFolder(scenario: path)
    func file(_ field: String) throws(LuaCallError) -> String? {
      guard let relative = try text(field) else { return nil }
      let resolved: String
      switch folder.resolve(relative) {
      case .success(let path): resolved = path
      case .failure(let outside): throw reject("scenario field '\(field)': \(outside)")
      }
      guard FileManager.default.isReadableFile(atPath: resolved) else {
        throw reject(
          "scenario field '\(field)': no such file '\(relative)' (looked for \(resolved))")
      }
      return resolved
    }
    if call.field(1, "map", { call.type(at: $0) }) == .table {
      do {
        map = LiveMap(
          township: try InlineMap.township(from: call.field(1, "map") { call.value(at: $0) }))
      } catch {
        throw reject(error.description)
      }
    } else if let path = try file("map") {
      spec.map = path
      do {
        map = try LiveMap.load(path: path, field: "map")
      } catch {
        throw reject(error.description)
      }
    }
    for field in ScenarioSpec.rasterFields {
      guard let resolved = try file(field) else { continue }
      spec.rasters.append((field, resolved))
      do {
        rasters[field] = try AsciiGridReader.read(path: resolved)
      } catch {
        throw reject("scenario field '\(field)': \(error.description)")
      }
      // A grid of NODATA only reads fine but would model nothing at all.
      if rasters[field]?.valueRange == nil {
        throw reject(
          "scenario field '\(field)': \(resolved): every cell is NODATA (the grid has no data)")
      }
    }
    if call.field(1, "duration", { call.type(at: $0) }) != .nil {
      guard let seconds = call.field(1, "duration", { call.number(at: $0) }), seconds > 0,
        let end = SimTime(seconds: seconds)
      else { throw reject("scenario field 'duration' must be a positive number of seconds") }
      spec.duration = end
    }
    if call.field(1, "seed", { call.type(at: $0) }) != .nil {
      guard let seed = call.field(1, "seed", { call.integer(at: $0) }), seed >= 0 else {
        throw reject("scenario field 'seed' must be a non-negative integer")
      }
      guard !streams.isSeedFixed else {
        throw reject("scenario{} must come before the first random draw (it sets the seed)")
      }
      spec.seed = UInt64(seed)
      if options.seed == nil { streams.reseed(UInt64(seed)) }
    }
    spec.start = try text("start")
    spec.description = try text("description")
    return 0
  }

  func declareParameter(_ call: LuaCall) throws(LuaCallError) -> Int32 {
    let name = try call.checkString(1)
    guard MetricSeries.isValidName(name) else {
      throw reject("parameter name '\(name)' must be dotted words of letters, digits and '_'")
    }
    if let known = parameters.first(where: { $0.spec.name == name }) {
      call.push(try LuaScenario.luaValue(known.value))
      return 1
    }
    guard call.type(at: 2) == .table else {
      throw reject("sim.param('\(name)', {...}) needs a table with at least 'default'")
    }
    let allowedFields = ["default", "min", "max", "values", "doc"]
    for field in call.stringKeys(2) where !allowedFields.contains(field) {
      throw reject(
        "sim.param '\(name)': unknown field '\(field)' (known: \(allowedFields.joined(separator: ", ")))"
      )
    }
    let spec = try parameterSpec(name, call)
    var value = spec.defaultValue
    do {
      try spec.check(value, location: "sim.param '\(name)' default")
      if let text = options.params.last(where: { $0.name == name })?.text {
        value = try spec.parse(text)
      }
    } catch {
      throw reject(error.description)
    }
    parameters.append((spec, value))
    call.push(try LuaScenario.luaValue(value))
    return 1
  }

  func parameterSpec(_ name: String, _ call: LuaCall) throws(LuaCallError) -> ParameterSpec {
    let defaultValue: Value
    switch call.field(2, "default", { call.value(at: $0, depth: 0) }) {
    case .integer(let i): defaultValue = .integer(i)
    case .number(let d): defaultValue = .number(d)
    case .string(let s): defaultValue = .string(s)
    case .boolean(let b): defaultValue = .bool(b)
    default: throw reject("sim.param '\(name)': 'default' must be a number, string or boolean")
    }
    func bound(_ field: String) throws(LuaCallError) -> Double? {
      let type = call.field(2, field) { call.type(at: $0) }
      guard type != .nil else { return nil }
      guard let number = call.field(2, field, { call.number(at: $0) }) else {
        throw reject("sim.param '\(name)': '\(field)' must be a number")
      }
      return number
    }
    var allowed: [Value]?
    let values = call.field(2, "values") { call.value(at: $0, depth: 2) }
    if values != .nil {
      guard let elements = values.arrayElements, !elements.isEmpty else {
        throw reject("sim.param '\(name)': 'values' must be a non-empty list")
      }
      var list: [Value] = []
      for element in elements {
        do {
          list.append(try DataConversion.value(element, at: "values"))
        } catch {
          throw reject("sim.param '\(name)': \(error.message)")
        }
      }
      allowed = list
    }
    return ParameterSpec(
      name: name, defaultValue: defaultValue, minimum: try bound("min"), maximum: try bound("max"),
      allowed: allowed, doc: call.field(2, "doc") { call.string(at: $0) })
  }

  static func luaValue(_ value: Value) throws(LuaCallError) -> LuaValue {
    switch value {
    case .integer(let i): return .integer(i)
    case .number(let d): return .number(d)
    case .string(let s): return .string(s)
    case .bool(let b): return .boolean(b)
    default: throw LuaCallError("unsupported parameter value")
    }
  }
}
