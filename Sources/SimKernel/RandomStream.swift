/// A named, seeded random stream (xoshiro256**).
///
/// A stream's seed is derived from the run seed, the stream's name and the
/// replication only, never from the parameters: two plan variants run with
/// the same seed see the same draws on every stream (common random numbers),
/// so their difference is the plan's effect and not noise.
///
/// The name is hashed with FNV-1a, not Swift's `Hasher`, which is seeded per
/// process and would make runs unrepeatable.
public struct RandomStream: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  /// The second normal deviate of the last polar-method pair, if unused.
  @usableFromInline var spareNormal: Double?

  /// The stream `name` of replication `replication` of a run seeded `seed`.
  public init(seed: UInt64, name: String, replication: Int = 0) {
    self.init(rawSeed: RandomStream.derive(seed: seed, name: name, replication: replication))
  }

  /// A stream from a raw 64-bit seed, expanded with SplitMix64.
  public init(rawSeed: UInt64) {
    var x = rawSeed
    s0 = RandomStream.splitMix(&x)
    s1 = RandomStream.splitMix(&x)
    s2 = RandomStream.splitMix(&x)
    s3 = RandomStream.splitMix(&x)
  }

  /// The 64-bit seed of a stream: a mix of run seed, name and replication.
  public static func derive(seed: UInt64, name: String, replication: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    var x = seed
    var mixed = splitMix(&x)
    x = mixed ^ hash
    mixed = splitMix(&x)
    x = mixed ^ UInt64(bitPattern: Int64(replication))
    return splitMix(&x)
  }

  @inlinable static func splitMix(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9e37_79b9_7f4a_7c15
    var z = x
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  @inlinable @inline(__always) public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  @inlinable @inline(__always) func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
  }

  /// A double uniform on [0, 1) with 53 random bits.
  @inlinable @inline(__always) public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
