import SimKernel

/// Which exponential sampler a benchmark's increments come from.
///
/// Both are exact in distribution, so the model is the same; they differ in
/// cost. `ziggurat` is the benchmarks' default because the kernel's budget
/// is about the loop and the queue, not about `log`; `inverseTransform` is
/// what models use (`RandomStream.exponential(mean:)`, which keeps common
/// random numbers monotone) and is kept for comparison (`hold-inverse`).
public enum ExponentialSampler: String, Sendable {
  case inverseTransform = "inverse"
  case ziggurat

  /// One draw with the given mean from `stream`.
  @inlinable @inline(__always)
  public func draw(_ stream: inout RandomStream, mean: Double) -> Double {
    switch self {
    case .inverseTransform: stream.exponential(mean: mean)
    case .ziggurat: stream.exponentialZiggurat(mean: mean)
    }
  }
}
