import SimKernel

/// The hold model on a bare event queue.
///
/// Pop the minimum, insert one event at its time plus Exp(mean); no
/// simulator, no handlers.
///
/// It isolates the queue's cost, so every `EventQueue` can be compared on
/// identical work (same seed, same increments, same pop order).
public struct QueueHold: Sendable {
  /// The model's parameters: the same as the full-kernel hold model's, so
  /// the two benchmarks measure the same work.
  public var model: HoldModel

  public init(_ model: HoldModel = HoldModel()) { self.model = model }

  /// Runs the hold model on a fresh `Queue` and times the hold loop.
  public func run<Queue: EventQueue>(_ type: Queue.Type, name: String = "queues") -> BenchmarkResult
  {
    let (population, events, meanMs, sampler) = (
      model.population, model.events, model.meanMs, model.sampler
    )
    var queue = Queue()
    var rng = RandomStream(seed: model.seed, name: "hold")
    var sequence: UInt64 = 0
    for entity in 0..<population {
      sequence &+= 1
      let time = Int64(sampler.draw(&rng, mean: meanMs))
      queue.insert(
        ScheduledEvent(
          key: EventKey(time: time, priority: .normal, sequence: sequence), handler: 1,
          payload: Int64(entity)))
    }
    var checksum: Int64 = 0
    let seconds = Stopwatch.seconds {
      for _ in 0..<events {
        guard let event = queue.popMin() else { break }
        checksum &+= event.payload
        sequence &+= 1
        let time = event.key.time &+ Int64(sampler.draw(&rng, mean: meanMs))
        queue.insert(
          ScheduledEvent(
            key: EventKey(time: time, priority: .normal, sequence: sequence), handler: 1,
            payload: event.payload))
      }
    }
    precondition(checksum >= 0, "payloads are entity indices")
    return BenchmarkResult(
      name: name, queue: String(describing: Queue.self), events: events, wallSeconds: seconds)
  }

  /// The hold model on every queue SimKernel ships, one result each.
  public static func compareAll(_ model: QueueHold = QueueHold()) -> [BenchmarkResult] {
    [model.run(QuaternaryHeap.self), model.run(LadderQueue.self)]
  }
}
