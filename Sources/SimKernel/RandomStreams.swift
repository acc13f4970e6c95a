/// The named random streams of one run, created on first use.
///
/// Every stream's seed derives from the run seed, its name and the
/// replication (see `RandomStream`). The run seed may still change until
/// the first draw (a scenario declares it in its header); after that it is
/// fixed, and `isSeedFixed` tells a late declaration from a harmless one.
public final class RandomStreams {
  public private(set) var seed: UInt64
  public let replication: Int
  /// True once any stream has been created.
  public private(set) var isSeedFixed = false
  @usableFromInline var streams: [RandomStream] = []
  var indexByName: [String: Int] = [:]

  public init(seed: UInt64, replication: Int = 0) {
    self.seed = seed
    self.replication = replication
  }

  /// Changes the run seed; false (and no change) once a stream exists.
  @discardableResult
  public func reseed(_ seed: UInt64) -> Bool {
    guard !isSeedFixed else { return false }
    self.seed = seed
    return true
  }

  /// The index of stream `name`, creating it on first use.
  public func index(of name: String) -> Int {
    if let index = indexByName[name] { return index }
    isSeedFixed = true
    streams.append(RandomStream(seed: seed, name: name, replication: replication))
    indexByName[name] = streams.count - 1
    return streams.count - 1
  }

  /// Number of streams created.
  @inlinable public var count: Int { streams.count }

  /// Draws from stream `index` (an index from `index(of:)`).
  @inlinable
  public func draw<T, E: Error>(
    from index: Int, _ body: (inout RandomStream) throws(E) -> T
  ) throws(E) -> T {
    try body(&streams[index])
  }
}
