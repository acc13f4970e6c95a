import Evacuation
import LuaHost
import Scenario
import SimKernel
import Township

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sim.warn`, `sim.warning.channel` and `sim.warning.call_and_answer`:
/// warnings over the run's household roster, silenced by its outages.
///
/// Channels and 叫应 are set before the first `sim.warn` (the run's
/// channels are then fixed). Warning events (`warning.issued`, and per grid
/// `warning.warned` for a channel's first reach, `warning.acknowledged`,
/// `warning.escalated`, `warning.door_started`, `warning.door_finished`)
/// go to events.jsonl and start `sim.on` handlers; the outcome's metrics
/// (`warning.<grid>.ack_s` ...) go to summary.json.
extension LuaScenario {
  static let warnFields = ["zones", "channels", "message", "at", "call_and_answer", "gongs"]
  static let channelFields = [
    "delay", "time_constant", "half_time", "spread", "reach", "needs", "radius", "walk_speed",
    "time_per_door",
  ]
  static let callAndAnswerFields = [
    "call_delay", "answer_probability", "ack_median", "ack_sigma", "deadline", "recall_deadline",
    "needs",
  ]

  func bindWarnings(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.warn", "warn") { [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: LuaScenario.warnFields)
      let model = try self.requireEvacuation()
      let plan = try self.warningPlan(call, model)
      do {
        try model.warn(plan)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
    bind("sim.warning.channel", "warning_channel") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      let name = try call.checkString(2)
      guard let channel = WarningChannel(name: name) else {
        throw call.argumentError(1, "unknown channel '\(name)' (broadcast, sms, call, gong, door)")
      }
      try self.optionTable(call, known: LuaScenario.channelFields)
      let model = try self.requireEvacuation()
      let channelModel = try self.channelModel(call, channel)
      do {
        try model.setChannel(channelModel)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
    bind("sim.warning.call_and_answer", "warning_call_and_answer") {
      [unowned(unsafe) self] call throws(LuaCallError) in
      try self.optionTable(call, known: LuaScenario.callAndAnswerFields)
      let model = try self.requireEvacuation()
      var policy = model.callAndAnswer
      let numbers: [(String, WritableKeyPath<CallAndAnswerPolicy, Double>)] = [
        ("call_delay", \.callDelay), ("answer_probability", \.answerProbability),
        ("deadline", \.deadline), ("recall_deadline", \.recallDeadline),
      ]
      for (key, path) in numbers {
        if let value = try self.numberField(call, key, required: false) {
          policy[keyPath: path] = value
        }
      }
      if case .lognormal(let mu, let sigma) = policy.acknowledgement {
        let median = try self.numberField(call, "ack_median", required: false) ?? exp(mu)
        let spread = try self.numberField(call, "ack_sigma", required: false) ?? sigma
        guard median > 0, spread > 0 else {
          throw call.argumentError(1, "fields 'ack_median' and 'ack_sigma' must be > 0")
        }
        policy.acknowledgement = .lognormal(mu: log(median), sigma: spread)
      }
      if let needs = try self.needs(call) { policy.needs = needs }
      do {
        try model.setCallAndAnswer(policy)
      } catch {
        throw self.hazardError(call, error)
      }
      return 0
    }
  }

  /// The plan a `sim.warn{...}` table describes.
  func warningPlan(_ call: LuaCall, _ model: EvacuationModel) throws(LuaCallError) -> WarningPlan {
    let zones = try zoneList(call, model)
    let channelsValue = call.field(1, "channels") { call.value(at: $0, depth: 2) }
    var channels: [WarningChannel] = []
    for name in try stringList(call, "channels", channelsValue, required: true) ?? [] {
      guard let channel = WarningChannel(name: name) else {
        throw call.argumentError(
          1, "field 'channels': unknown channel '\(name)' (broadcast, sms, call, gong, door)")
      }
      guard !channels.contains(channel) else {
        throw call.argumentError(1, "field 'channels': '\(name)' listed twice")
      }
      channels.append(channel)
    }
    let at = try outageTime(call)
    let message = call.field(1, "message") { call.string(at: $0) } ?? ""
    let answer = call.field(1, "call_and_answer") { call.value(at: $0, depth: 1) }
    var gongs: [MapPoint]?
    if case .table = call.field(1, "gongs", { call.value(at: $0, depth: 1) }) {
      gongs = try pointList(call, "gongs")
    }
    return WarningPlan(
      zones: zones, channels: channels, issuedAt: SimTime(seconds: at) ?? simulator.now,
      gongPoints: gongs, message: message, callAndAnswer: answer != .boolean(false))
  }

  /// Field `zones`: a list of zone ids or "all".
  func zoneList(_ call: LuaCall, _ model: EvacuationModel) throws(LuaCallError) -> [Int] {
    let value = call.field(1, "zones") { call.value(at: $0, depth: 2) }
    if case .string("all") = value { return Array(model.roster.zoneIDs.indices) }
    var zones: [Int] = []
    for id in try stringList(call, "zones", value, required: true) ?? [] {
      do {
        zones.append(try model.zone(id))
      } catch {
        throw call.argumentError(1, "field 'zones': \(error.message)")
      }
    }
    return zones
  }

  /// Field `key`: a list of `{ x = .., y = .. }` points.
  func pointList(_ call: LuaCall, _ key: String) throws(LuaCallError) -> [MapPoint] {
    let value = call.field(1, key) { call.value(at: $0, depth: 3) }
    var points: [MapPoint] = []
    for element in value.arrayElements ?? [] {
      guard case .table(let entries) = element,
        let x = entries.first(where: { $0.key == .string("x") }).flatMap({ Self.number($0.value) }),
        let y = entries.first(where: { $0.key == .string("y") }).flatMap({ Self.number($0.value) })
      else { throw call.argumentError(1, "field '\(key)' must be a list of { x = .., y = .. }") }
      points.append(MapPoint(x: x, y: y))
    }
    return points
  }

  /// Field `needs`: a list of "power" and "network" (empty: none); nil if absent.
  func needs(_ call: LuaCall) throws(LuaCallError) -> InfrastructureNeeds? {
    let value = call.field(1, "needs") { call.value(at: $0, depth: 2) }
    guard value != .nil else { return nil }
    var needs: InfrastructureNeeds = []
    guard let elements = value.arrayElements else {
      throw call.argumentError(1, "field 'needs' must be a list of \"power\", \"network\"")
    }
    for element in elements {
      switch element {
      case .string("power"): needs.insert(.power)
      case .string("network"): needs.insert(.network)
      default: throw call.argumentError(1, "field 'needs' must be a list of \"power\", \"network\"")
      }
    }
    return needs
  }

  /// A channel model: the standard one with the table's fields replaced.
  func channelModel(_ call: LuaCall, _ channel: WarningChannel) throws(LuaCallError)
    -> ChannelModel
  {
    var model = ChannelModel.standard(channel)
    let numbers: [(String, WritableKeyPath<ChannelModel, Double>)] = [
      ("delay", \.delay), ("radius", \.radius), ("walk_speed", \.walkSpeed),
      ("time_per_door", \.timePerDoor),
    ]
    for (key, path) in numbers {
      if let value = try numberField(call, key, required: false) { model[keyPath: path] = value }
    }
    if let tau = try numberField(call, "time_constant", required: false) {
      model.curve = .exponential(timeConstant: tau)
    }
    if let half = try numberField(call, "half_time", required: false) {
      let spread = try numberField(call, "spread", required: false) ?? half / 5
      model.curve = .logistic(halfTime: half, spread: spread)
    }
    switch call.field(1, "reach", { call.value(at: $0, depth: 2) }) {
    case .nil: break
    case .integer(let i): model.reachableShare = PerGroup(Double(i))
    case .number(let d): model.reachableShare = PerGroup(d)
    case .table(let entries):
      // `default` first, so the groups named override it.
      let sorted = entries.sorted { a, _ in a.key == .string("default") }
      for entry in sorted {
        guard case .string(let name) = entry.key, let share = Self.number(entry.value) else {
          throw call.argumentError(1, "field 'reach': { <group> = share, ... } expected")
        }
        if name == "default" {
          model.reachableShare = PerGroup(share)
        } else if let group = PopulationGroup(name: name) {
          model.reachableShare[group] = share
        } else {
          throw call.argumentError(1, "field 'reach': unknown group '\(name)'")
        }
      }
    default: throw call.argumentError(1, "field 'reach': a share or { <group> = share } expected")
    }
    if let needs = try needs(call) { model.needs = needs }
    return model
  }

  /// A Lua number as a Double (nil for anything else).
  static func number(_ value: LuaValue) -> Double? {
    switch value {
    case .integer(let i): Double(i)
    case .number(let d): d
    default: nil
    }
  }
}
