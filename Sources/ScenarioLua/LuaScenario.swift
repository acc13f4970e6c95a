import Evacuation
import Foundation
import LuaHost
import Scenario
import SimKernel
import Township

/// One run of a Lua scenario: its Lua state, its simulator and the world
/// the `sim` API binds onto.
///
/// Built in two phases. `init` loads the file and runs its top level (the
/// setup: `scenario{}`, parameters, processes to start); any invalid input
/// found there throws `ScenarioError` before a single event runs, so the
/// caller can refuse it without writing results. `run()` then drives the
/// simulator to the end and returns what summary.json reports.
public final class LuaScenario {
  public let path: String
  public internal(set) var spec: ScenarioSpec

  var options: RunOptions
  /// Progress reports during `run()` (see `RunOptions.progress`).
  public var progress: ((SimTime, Int) -> Void)? {
    get { options.progress }
    set { options.progress = newValue }
  }
  let lua: LuaState
  let sandbox: Sandbox
  let simulator = Simulator()
  let sink: EventSink

  // World state bound to the API (see the +Concern files).
  let processes = ProcessTable()
  let streams: RandomStreams
  /// The township map, when the scenario declares one.
  var map: LiveMap?
  /// The flood and the fire, built at their first `sim.flood` or `sim.fire`
  /// call (see LuaScenario+Flood and +Fire).
  var flood: FloodModel?
  var fire: FireModel?
  /// The evacuation, built at the first `sim.evacuate`, `sim.evacuation`
  /// or `sim.shelter` call (see LuaScenario+Evacuation).
  var evacuation: EvacuationModel? {
    didSet {
      coupleShelterSupply()
      coupleAssistance()
    }
  }
  /// The response and the supplies, built once the setup has run when the
  /// map has stations, depots or shelters, else at their first call (see
  /// LuaScenario+Coupling, +Response and +Supply).
  var response: ResponseModel? { didSet { coupleAssistance() } }
  /// Households the water traps at home, watched once the flood, the
  /// evacuation and the response all exist (see +Coupling).
  var trappedWatch: TrappedWatch?
  var supply: SupplyModel? { didSet { coupleShelterSupply() } }
  /// How the roster is drawn (`sim.population`), until it is.
  var population = PopulationOptions()
  var floodStep = LuaScenario.defaultFloodStep
  /// Power, network and road cuts, made at the first `sim.outage` call or
  /// when a hazard reaches a supplying facility (see +Outages).
  var outages: OutageBoard?
  /// The fire's effect on the map (see +FireCoupling): its rules, and the
  /// generation of the pending wake at the next arrival.
  var fireCoupling: FireCoupling?
  var fireRules = FireCoupling.Rules()
  var fireWake = 0
  /// Slopes and their rain (see +Ground), and the generation of their wakes.
  let ground = GroundModel()
  var groundWake = 0
  /// The rasters named in the header (terrain, fuel, roughness), read and
  /// checked at setup.
  var rasters: [String: Raster] = [:]
  var resources: [Resource] = []
  /// `resources`, unretained, for the paths every request and release
  /// takes: reading a class out of an array retains and releases it.
  var unretainedResources: [Unmanaged<Resource>] = []
  var containers: [Container] = []
  var stores: [Store<LuaRef>] = []
  var handlers: [String: [LuaRef]] = [:]
  var eventWaiters: [String: [Int64]] = [:]
  var parameters: [(spec: ParameterSpec, value: Value)] = []
  var metrics = MetricSeries()
  var objectives: [PendingObjective] = []
  /// The MSEL (see +Injects), in declaration order, and what each did.
  var injects: [Inject] = []
  var injectStates: [InjectState] = []
  /// Set once the top level has run: the MSEL is fixed from then on.
  var setupFinished = false
  var headerDeclared = false
  var stopReason: String?
  var failure: RunFailure?
  /// Set when a host function rejected input (exit 2, not a script error).
  var rejectedInput = false
  var resumeHandler = HandlerID(raw: 0)
  /// Process resumptions so far (paces progress reports).
  var resumptions = 0
  /// The methods of process handles (the prelude's `Process`).
  var processHandle = LuaRef(raw: 0)
  /// Where frames go, when the caller asked for them (LuaScenario+Frames).
  var frameRecording: FrameRecording?
  /// Why frame recording stopped early, if it did; the run went on.
  public internal(set) var frameError: Error?

  /// Loads `path` and runs its setup.
  ///
  /// - Throws: `ScenarioError` for invalid input (exit 2), `RunFailure` for
  ///   a script error during setup (exit 1) or a limit (exit 3).
  public init(path: String, options: RunOptions, sink: EventSink) throws {
    self.path = path
    self.options = options
    self.sink = sink
    spec = ScenarioSpec(name: LuaScenario.defaultName(path))
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw ScenarioError(path, "no such scenario file")
    }
    lua = try LuaState(limits: options.limits)
    let folder = (path as NSString).deletingLastPathComponent
    let streams = RandomStreams(seed: options.seed ?? 1, replication: options.replication)
    self.streams = streams
    // math.random is the stream "math.random" like any other.
    sandbox = try lua.installSandbox(
      SandboxOptions(
        moduleRoot: folder.isEmpty ? "." : folder, print: options.log,
        randomUnit: { streams.draw(from: streams.index(of: "math.random")) { $0.unit() } },
        randomInteger: { a, b in
          streams.draw(from: streams.index(of: "math.random")) { $0.integer(a, b) }
        }))
    // Unmanaged: a resume (several per simulated customer) borrows the
    // scenario, which owns the simulator, without reference counting.
    let unretained = Unmanaged.passUnretained(self)
    resumeHandler = simulator.register { _, pid in
      unretained._withUnsafeGuaranteedRef { $0.resume(pid) }
    }
    try installAPI()
    lua.setFastHost(self)
    lua.setClock(simulator.clockPointer)
    try runSetup()
  }

  deinit {
    // Closing the state may run a script's __gc: no fast call may reach
    // this scenario or its clock from there.
    lua.setClock(nil)
    lua.clearFastHost()
  }

  /// The name used when the scenario declares none: the file's base name.
  static func defaultName(_ path: String) -> String {
    ((path as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  /// The run's seed: `--seed`, else the scenario's, else 1.
  public var effectiveSeed: UInt64 { streams.seed }

  /// Loads the prelude, binds the host table and installs `sim` and the
  /// global helpers in the sandbox.
  func installAPI() throws {
    try lua.load(Prelude.text, chunkName: "=[drillsim]")
    pushHostTable()
    let stack = lua.stack
    try lua.call(arguments: 1, results: 3)
    // stack: sim, globals, Process
    processHandle = lua.ref()
    lua.setHandleMethods(processHandle)
    // stack: sim, globals
    lua.push(sandbox.environment)
    stack.pushCopy(of: -3)
    stack.setField(-2, "sim")
    for name in ["scenario", "seconds", "minutes", "hours", "days"] {
      stack.pushField(-2, name)
      stack.setField(-2, name)
    }
    stack.pop(3)
  }

  /// Runs the file's top level, then checks what only the whole setup shows.
  func runSetup() throws {
    do {
      try lua.loadFile(path, chunkName: path, in: sandbox)
    } catch {
      if error.kind == .syntax || error.kind == .host {
        throw ScenarioError("", error.message)
      }
      throw RunFailure(error: error, at: .zero)
    }
    do {
      try lua.call(arguments: 0, results: 0)
    } catch {
      if rejectedInput { throw ScenarioError("", error.message) }
      throw RunFailure(error: error, at: .zero)
    }
    if let failure { throw failure }
    try checkOverrides()
    try scheduleInjects()
    try buildDefaultModels()
  }

  /// Every `--param` must name a declared parameter.
  func checkOverrides() throws(ScenarioError) {
    let declared = Set(parameters.map(\.spec.name))
    for (name, _) in options.params where !declared.contains(name) {
      let names = parameters.map(\.spec.name).sorted().joined(separator: ", ")
      throw ScenarioError(
        "--param \(name)",
        "the scenario declares no parameter '\(name)'"
          + (names.isEmpty ? " (it declares none)" : " (it declares: \(names))"))
    }
  }

  /// Runs the simulation to its end and reports.
  public func run() -> RunResult {
    sink.record(
      at: simulator.now, kind: "run.start",
      fields: [
        ("scenario", .string(spec.name)), ("seed", .integer(Int64(bitPattern: effectiveSeed))),
      ])
    beginFrames()
    if failure == nil {
      if frameRecording != nil {
        runRecordingFrames(until: spec.duration ?? .never)
      } else {
        simulator.run(until: spec.duration ?? .never)
      }
    }
    evacuation?.report(into: &metrics, at: simulator.now)
    if failure == nil { checkRemainingInjects() }
    if failure == nil { evaluateRemainingObjectives() }
    if frameRecording != nil { recordFinalFrame() }
    return result()
  }
}

/// A script error (or a limit) that ended a run, with the sim time it
/// happened at.
public struct RunFailure: Error, CustomStringConvertible {
  public let error: LuaError
  public let time: SimTime

  public init(error: LuaError, at time: SimTime) {
    self.error = error
    self.time = time
  }

  public var isLimit: Bool { error.isLimit }

  public var description: String {
    var text = "\(error.message) (at sim time \(time) s)"
    if !error.traceback.isEmpty { text += "\n" + error.traceback }
    return text
  }
}
