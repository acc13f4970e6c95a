import SimKernel

/// The classic hold model on the full kernel: a steady population of
/// pending events; each event's Swift handler schedules one new event at
/// `now + Exp(mean)`.
///
/// It measures the loop, the handler call and the queue together, which is
/// what DESIGN.md §7 sets the 20 M events/s goal for. Increments are whole
/// milliseconds (truncated), as any model's delays are, drawn with the
/// ziggurat sampler unless `sampler` says otherwise (see
/// `ExponentialSampler`).
public struct HoldModel: Sendable {
  /// Pending events kept throughout the run.
  public var population: Int
  /// Events to process (the timed part).
  public var events: Int
  /// Mean increment in milliseconds.
  ///
  /// 1000 ms (Exp(1 s), as PHOLD) spreads 10k pending events over about ten
  /// seconds of ticks, about ten per tick.
  public var meanMs: Double
  public var seed: UInt64
  /// How increments are drawn (same distribution either way).
  public var sampler: ExponentialSampler

  public init(
    population: Int = 10_000, events: Int = 15_000_000, meanMs: Double = 1000, seed: UInt64 = 1,
    sampler: ExponentialSampler = .ziggurat
  ) {
    self.population = population
    self.events = events
    self.meanMs = meanMs
    self.seed = seed
    self.sampler = sampler
  }

  /// Builds the population, then times the loop until `events` ran.
  public func run(name: String = "hold") -> BenchmarkResult {
    let sim = Simulator()
    let state = HoldState(
      rng: RandomStream(seed: seed, name: "hold"), meanMs: meanMs, sampler: sampler,
      target: events)
    let handler = sim.register { sim, payload in
      state.fire(sim, payload)
    }
    state.handler = handler
    for entity in 0..<population {
      let delay = Int64(sampler.draw(&state.rng, mean: meanMs))
      sim.schedule(handler, at: SimTime(ms: delay), payload: Int64(entity))
    }
    let seconds = Stopwatch.seconds { sim.run() }
    return BenchmarkResult(
      name: name, queue: String(describing: DefaultEventQueue.self),
      events: sim.eventsProcessed, wallSeconds: seconds)
  }
}

/// The mutable part of the hold model, shared by its handler.
///
/// The module is built without dynamic exclusivity checks in release (see
/// Package.swift), so a plain stored stream costs nothing per access.
final class HoldState {
  var rng: RandomStream
  let meanMs: Double
  let sampler: ExponentialSampler
  let target: Int
  var handler = HandlerID?.none

  init(rng: RandomStream, meanMs: Double, sampler: ExponentialSampler, target: Int) {
    self.rng = rng
    self.meanMs = meanMs
    self.sampler = sampler
    self.target = target
  }

  /// One event: reschedule this entity, or stop once the target is met.
  @inline(__always) func fire(_ sim: Simulator, _ payload: Int64) {
    guard let handler, sim.eventsProcessed < target else {
      sim.stop()
      return
    }
    let delay = Int64(sampler.draw(&rng, mean: meanMs))
    sim.schedule(handler, at: SimTime(ms: sim.now.ms &+ delay), payload: payload)
  }
}
