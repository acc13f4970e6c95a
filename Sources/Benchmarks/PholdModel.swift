import SimKernel

/// PHOLD as reference/peers.md defines it for every peer: N entities with
/// one initial event each; each event schedules one new event at a
/// uniformly random entity after Exp(mean 1 s).
///
/// Model events = events processed, so the rate compares directly with
/// SimPy's and plain heapq's PHOLD figures.
public struct PholdModel: Sendable {
  public var entities: Int
  /// Events to process (the timed part).
  public var events: Int
  /// Mean delay in milliseconds (1 s).
  public var meanMs: Double
  public var seed: UInt64

  public init(
    entities: Int = 1000, events: Int = 10_000_000, meanMs: Double = 1000, seed: UInt64 = 1
  ) {
    self.entities = entities
    self.events = events
    self.meanMs = meanMs
    self.seed = seed
  }

  /// Seeds one event per entity, then times the loop until `events` ran.
  public func run() -> BenchmarkResult {
    let sim = Simulator()
    let state = PholdState(
      rng: RandomStream(seed: seed, name: "phold"), entities: entities, meanMs: meanMs,
      target: events)
    let handler = sim.register { sim, payload in
      state.fire(sim, payload)
    }
    state.handler = handler
    for entity in 0..<entities {
      let delay = Int64(state.rng.exponential(mean: meanMs))
      sim.schedule(handler, at: SimTime(ms: delay), payload: Int64(entity))
    }
    let seconds = Stopwatch.seconds { sim.run() }
    return BenchmarkResult(
      name: "phold", queue: String(describing: DefaultEventQueue.self),
      events: sim.eventsProcessed, wallSeconds: seconds)
  }
}

/// The mutable part of PHOLD, shared by its handler.
///
/// The module is built without dynamic exclusivity checks in release (see
/// Package.swift), so a plain stored stream costs nothing per access.
final class PholdState {
  var rng: RandomStream
  let entities: Int64
  let meanMs: Double
  let target: Int
  /// Events each entity received (keeps the destination draw observable).
  var received: [Int]
  var handler = HandlerID?.none

  init(rng: RandomStream, entities: Int, meanMs: Double, target: Int) {
    self.rng = rng
    self.entities = Int64(entities)
    self.meanMs = meanMs
    self.target = target
    received = Array(repeating: 0, count: entities)
  }

  /// One event at entity `payload`: send one event to a random entity.
  @inline(__always) func fire(_ sim: Simulator, _ payload: Int64) {
    guard let handler, sim.eventsProcessed < target else {
      sim.stop()
      return
    }
    received[Int(payload)] &+= 1
    let destination = rng.integer(0, entities - 1)
    let delay = Int64(rng.exponential(mean: meanMs))
    sim.schedule(handler, at: SimTime(ms: sim.now.ms &+ delay), payload: destination)
  }
}
