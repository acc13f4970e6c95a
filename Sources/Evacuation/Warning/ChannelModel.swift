/// One warning channel's behaviour: delay, reach curve, who it can reach,
/// what it needs.
///
/// A household of lead group g is reachable with probability
/// `reachableShare[g]`; a reachable one is reached `delay` plus a time drawn
/// from `curve` after the warning is issued, if the channel's
/// infrastructure is up in its zone at that moment (an outage during the
/// reach window silences the channel for the households due then). Gongs
/// reach only households within `radius` of a gong; door-to-door ignores
/// `curve` and walks the grid at `walkSpeed`, spending `timePerDoor` at each.
///
/// The defaults (`ChannelModel.standard(_:)`) take their forms and orders
/// of magnitude from reference/ and state where a value is an assumption;
/// a township should fit them to its own drill logs.
public struct ChannelModel: Sendable, Equatable {
  public var channel: WarningChannel
  /// Seconds from issuing the warning to the channel's first reach.
  public var delay: Double
  /// Growth of the reached share after the delay.
  public var curve: ReachCurve
  /// Share of each group's households the channel can reach at all.
  public var reachableShare: PerGroup<Double>
  /// What must be up in the household's zone when it is reached.
  public var needs: InfrastructureNeeds
  /// Gong audibility radius, metres (gongs only).
  public var radius: Double
  /// Grid staff walking speed, m/s (door-to-door only).
  public var walkSpeed: Double
  /// Seconds at each door: knock, tell, check who is home (door only).
  public var timePerDoor: Double

  public init(
    channel: WarningChannel, delay: Double, curve: ReachCurve, reachableShare: PerGroup<Double>,
    needs: InfrastructureNeeds, radius: Double = 0, walkSpeed: Double = 1.34,
    timePerDoor: Double = 0
  ) {
    self.channel = channel
    self.delay = delay
    self.curve = curve
    self.reachableShare = reachableShare
    self.needs = needs
    self.radius = radius
    self.walkSpeed = walkSpeed
    self.timePerDoor = timePerDoor
  }

  /// The default model of `channel`.
  ///
  /// - broadcast (村村响): needs power; starts after 120 s (assumption: the
  ///   operator records and plays the message), repeats so reach grows as
  ///   1 - exp(-t/180 s); reaches 80 % of households (70 % of elderly and
  ///   mobility-impaired ones, indoors or hard of hearing) and all schools
  ///   and clinics. Loudspeakers and sirens alone reach a limited share,
  ///   worst at night (Rogers and Sorensen, ORNL CONF-8810249-1): the
  ///   maxima are assumptions.
  /// - sms (SMS, WeChat, location-based push): needs network and power;
  ///   starts after 60 s, logistic with half time 300 s and spread 60 s, so
  ///   nearly all reachable households have it within 10 min, China's design
  ///   goal for public warnings (drill-domain.md §1.2). Reaches 90 % of
  ///   households and visitors (location-based forced SMS, Jiangsu 闪信) but
  ///   50 % of elderly ones (assumption: no smartphone, phone off).
  /// - call (automated outbound dialler): needs network and power; starts
  ///   after 60 s, 1 - exp(-t/600 s), 95 % of the reachable by 30 min as for
  ///   telephone ring-down (Rogers and Sorensen); 85 % of registered
  ///   households, no visitors (their numbers are not on the roster).
  /// - gong (铜锣, whistles, hand-cranked sirens): needs nothing; starts after
  ///   180 s (assumption: the grid person walks to it), 1 - exp(-t/120 s),
  ///   90 % of households within 300 m (assumption).
  /// - door (grid staff door to door): needs nothing; staff set off after
  ///   300 s (assumption), walk at 1.34 m/s (Weidmann 1993; evacuation.md
  ///   §3.1) and spend 60 s per door (assumption); reaches everyone.
  public static func standard(_ channel: WarningChannel) -> ChannelModel {
    switch channel {
    case .broadcast:
      ChannelModel(
        channel: .broadcast, delay: 120, curve: .exponential(timeConstant: 180),
        reachableShare: PerGroup(
          0.8, except: [.elderly: 0.7, .mobilityImpaired: 0.7, .school: 1, .clinic: 1]),
        needs: .power)
    case .sms:
      ChannelModel(
        channel: .sms, delay: 60, curve: .logistic(halfTime: 300, spread: 60),
        reachableShare: PerGroup(0.9, except: [.elderly: 0.5, .school: 1, .clinic: 1]),
        needs: [.network, .power])
    case .call:
      ChannelModel(
        channel: .call, delay: 60, curve: .exponential(timeConstant: 600),
        reachableShare: PerGroup(0.85, except: [.visitors: 0, .school: 1, .clinic: 1]),
        needs: [.network, .power])
    case .gong:
      ChannelModel(
        channel: .gong, delay: 180, curve: .exponential(timeConstant: 120),
        reachableShare: PerGroup(0.9), needs: [], radius: 300)
    case .door:
      ChannelModel(
        channel: .door, delay: 300, curve: .immediate, reachableShare: PerGroup(1.0), needs: [],
        walkSpeed: 1.34, timePerDoor: 60)
    }
  }

  /// Checks delays, shares and speeds.
  ///
  /// - Throws: `EvacuationError` naming the channel and the bad parameter.
  public func validate() throws(EvacuationError) {
    let location = "channels.\(channel.name)"
    guard delay >= 0, delay.isFinite else { throw EvacuationError(location, "delay must be >= 0") }
    try curve.validate(at: "\(location).curve")
    for group in PopulationGroup.allCases where !(0...1).contains(reachableShare[group]) {
      throw EvacuationError("\(location).reach.\(group.name)", "share must be in 0...1")
    }
    guard radius >= 0, timePerDoor >= 0, walkSpeed > 0, walkSpeed.isFinite else {
      throw EvacuationError(location, "radius and time per door must be >= 0, speed > 0")
    }
  }
}
