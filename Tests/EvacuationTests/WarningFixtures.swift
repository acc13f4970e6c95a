import Evacuation
import SimKernel
import Township

/// Runs warning plans on a fresh simulator and keeps the events.
final class WarningHarness {
  let simulator = Simulator()
  private(set) var events: [WarningEvent] = []
  let run: WarningRun

  init(
    roster: HouseholdRoster, channels: [ChannelModel] = [],
    callAndAnswer: CallAndAnswerPolicy = CallAndAnswerPolicy(),
    infrastructure: any InfrastructureStatus = OutageSchedule(), seed: UInt64 = 5
  ) throws {
    let box = EventBox()
    run = try WarningRun(
      roster: roster, simulator: simulator,
      stream: RandomStream(seed: seed, name: WarningRun.streamName), channels: channels,
      callAndAnswer: callAndAnswer, infrastructure: infrastructure, log: { box.events.append($0) })
    self.box = box
  }

  private let box: EventBox

  /// Issues `plans`, runs to the end and returns the outcome.
  func outcome(_ plans: [WarningPlan]) throws -> WarningOutcome {
    for plan in plans { try run.issue(plan) }
    simulator.run()
    events = box.events
    return run.outcome
  }
}

private final class EventBox {
  var events: [WarningEvent] = []
}

extension ChannelModel {
  /// The standard model of `channel` with every group reachable.
  static func certain(_ channel: WarningChannel) -> ChannelModel {
    var model = ChannelModel.standard(channel)
    model.reachableShare = PerGroup(1.0)
    return model
  }
}
