/// SplitMix64 (Steele, Lea and Flood 2014): the generator behind design
/// sampling and run-seed derivation.
///
/// Small, fast and fully specified, so a sweep's points and seeds are the
/// same on every machine and in every shard; a sweep never uses the
/// simulation's own streams, which belong to the runs.
public struct SplitMix64: Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in 0..<bound (Lemire's unbiased method).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    let b = UInt64(bound)
    var product = next().multipliedFullWidth(by: b)
    if product.low < b {
      let threshold = (0 &- b) % b
      while product.low < threshold { product = next().multipliedFullWidth(by: b) }
    }
    return Int(product.high)
  }

  /// The SplitMix64 finaliser: a bijection that spreads every input bit.
  public static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
