#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast exponential sampler: the ziggurat method.
extension RandomStream {
  /// Exponential with the given mean, by the ziggurat method (Marsaglia and
  /// Tsang 2000) instead of inverse transform.
  ///
  /// Exact in distribution, like `exponential(mean:)`, and several times
  /// faster: about 99% of draws cost one 64-bit output, one integer compare
  /// and one multiply, with no `log`. It consumes a varying number of draws
  /// per sample, though, and maps a given draw to a different value, so it
  /// does not give the monotone draw-to-value map that common random numbers
  /// across plan variants rely on. Models use `exponential(mean:)`; this is
  /// for hot loops that only need the distribution (the kernel benchmarks).
  ///
  /// Not inlinable on purpose: inside this module the tables are static
  /// data, while inlined elsewhere each access would go through a lazy
  /// global initialiser check, which costs more than the call.
  public mutating func exponentialZiggurat(mean: Double) -> Double {
    let bits = next()
    let layer = Int(truncatingIfNeeded: bits & 0xff)
    let u = bits >> 11
    if u < zigguratExpCore[2 &* layer] {
      return mean * (Double(u) * Double(bitPattern: zigguratExpCore[2 &* layer &+ 1]))
    }
    return mean * exponentialZigguratSlow(bits: bits)
  }

  /// The rare cases of `exponentialZiggurat`: the base layer's tail and the
  /// wedges outside each layer's core rectangle; returns a standard deviate.
  @inline(never) mutating func exponentialZigguratSlow(bits first: UInt64) -> Double {
    var bits = first
    while true {
      let layer = Int(truncatingIfNeeded: bits & 0xff)
      let u = bits >> 11
      let scale = Double(bitPattern: zigguratExpCore[2 &* layer &+ 1])
      if u < zigguratExpCore[2 &* layer] { return Double(u) * scale }
      if layer == 0 {
        // Beyond r the density is r + Exp(1): memoryless.
        return ExponentialZiggurat.r - log(1 - unit())
      }
      let x = Double(u) * scale
      let low = zigguratExpDensity[layer]
      let high = zigguratExpDensity[layer + 1]
      if low + (high - low) * unit() < exp(-x) { return x }
      bits = next()
    }
  }
}

/// The geometry of the exponential ziggurat: 256 layers of equal area
/// under `exp(-x)`.
///
/// Layer i (1 ≤ i ≤ 255) is the strip between heights `exp(-x[i])` and
/// `exp(-x[i + 1])`, of width `x[i]`; layer 0 is the base strip of width r
/// plus the tail beyond r, drawn as a rectangle of width `x[0] = v / exp(-r)`.
/// `x[1] = r` and `x[256] = 0`. A draw picks a layer with its low 8 bits
/// and a position with its high 53 (disjoint bits, so independent), and
/// accepts at once when the position falls inside the core rectangle under
/// the next layer; otherwise it tests the wedge, or draws the tail. The
/// tables in `ZigguratTables.swift` are derived from `layerEdges()`.
///
/// Public so that tests can check the literal tables against the
/// recurrence without a testable import.
public enum ExponentialZiggurat {
  /// The right edge of the base strip, for 256 layers.
  public static let r = 7.697_117_470_131_050_077
  /// The area of every layer: `(r + 1) * exp(-r)`.
  public static let area = 0.003_949_659_822_581_557_199_3
  public static let layers = 256
  /// The sampler's core table: per layer, the acceptance threshold and the
  /// scale, interleaved.
  public static var coreTable: [UInt64] { zigguratExpCore }
  /// `exp(-x[i])` at every layer edge.
  public static var densityTable: [Double] { zigguratExpDensity }

  /// The layer edges `x[0...256]`, decreasing, from the recurrence
  /// `x[i + 1] = -log(v / x[i] + exp(-x[i]))`; also returns what the
  /// recurrence gives for `x[256]` (zero up to rounding when r is right).
  public static func layerEdges() -> (edges: [Double], closure: Double) {
    let n = layers
    var x = [Double](repeating: 0, count: n + 1)
    x[0] = area / exp(-r)
    x[1] = r
    for i in 1..<(n - 1) { x[i + 1] = -log(area / x[i] + exp(-x[i])) }
    let closure = -log(area / x[n - 1] + exp(-x[n - 1]))
    x[n] = 0
    return (x, closure)
  }
}
