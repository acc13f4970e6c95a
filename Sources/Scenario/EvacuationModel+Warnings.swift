import Evacuation
import SimKernel

/// Warnings on the run: channels and 叫应 set up before the first warning,
/// warnings issued to zones, and their events aggregated per grid.
extension EvacuationModel {
  /// Replaces the standard model of `model.channel` for the warnings to come.
  ///
  /// - Throws: `ScenarioError` for an invalid model or once a warning was
  ///   issued (the run's channels are fixed then).
  public func setChannel(_ model: ChannelModel) throws(ScenarioError) {
    guard warnings == nil else {
      throw ScenarioError("", "channels must be set before the first sim.warn")
    }
    do {
      try model.validate()
    } catch {
      throw ScenarioError("", error.description)
    }
    channelModels.removeAll { $0.channel == model.channel }
    channelModels.append(model)
  }

  /// Replaces the 叫应 policy for the warnings to come.
  ///
  /// - Throws: `ScenarioError` for an invalid policy or once a warning was issued.
  public func setCallAndAnswer(_ policy: CallAndAnswerPolicy) throws(ScenarioError) {
    guard warnings == nil else {
      throw ScenarioError("", "call_and_answer must be set before the first sim.warn")
    }
    do {
      try policy.validate()
    } catch {
      throw ScenarioError("", error.description)
    }
    callAndAnswer = policy
  }

  /// Issues a warning; its zones' households ordered out from now on leave
  /// when it reaches them.
  ///
  /// - Throws: `ScenarioError` when the plan is in the past or lists a
  ///   channel twice.
  public func warn(_ plan: WarningPlan) throws(ScenarioError) {
    let run = try requireWarnings()
    do {
      try run.issue(plan)
    } catch {
      throw ScenarioError("", error.description)
    }
    for zone in plan.zones { warnedZones[zone] = true }
    let fields: [(key: String, value: Value)] = [
      ("zones", .string(plan.zones.map { roster.zoneIDs[$0] }.joined(separator: ","))),
      ("channels", .string(plan.channels.map(\.name).joined(separator: ","))),
      ("message", .string(plan.message)),
    ]
    simulator.schedule(after: plan.issuedAt - simulator.now) { [unowned(unsafe) self] in
      self.onEvent?("warning.issued", fields)
    }
  }

  /// The run's warning run, built at the first warning with the channels
  /// and policy set so far.
  func requireWarnings() throws(ScenarioError) -> WarningRun {
    if let warnings { return warnings }
    let stream = RandomStream(
      seed: streams.seed, name: WarningRun.streamName, replication: streams.replication)
    do {
      let run = try WarningRun(
        roster: roster, simulator: simulator, stream: stream, channels: channelModels,
        callAndAnswer: callAndAnswer, infrastructure: infrastructure
      ) { [unowned(unsafe) self] event in self.record(event) }
      warnings = run
      return run
    } catch {
      throw ScenarioError("", error.description)
    }
  }

  /// Acts on a warning event: releases a household waiting for it, and
  /// writes grid events (a household's warning only for the first
  /// household of its grid per channel).
  func record(_ event: WarningEvent) {
    let grid: Int
    var fields: [(key: String, value: Value)] = []
    switch event.kind {
    case .warned(let household, let channel):
      warned(household)
      grid = Int(roster.grid[household])
      let slot = grid * WarningChannel.allCases.count + channel.rawValue
      guard !gridChannelWarned[slot] else { return }
      gridChannelWarned[slot] = true
      fields.append(("channel", .string(channel.name)))
    case .responsibleReached(let g), .acknowledged(let g), .doorWalkStarted(let g),
      .doorWalkFinished(let g):
      grid = g
    case .escalated(let g, let step):
      grid = g
      fields.append(("step", .string(step.name)))
    }
    let zone = roster.zoneIDs[roster.gridZones[grid]]
    fields.insert(
      contentsOf: [("grid", .string(roster.gridIDs[grid])), ("zone", .string(zone))], at: 0)
    onEvent?(event.name, fields)
  }
}
