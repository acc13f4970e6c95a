#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Embankment breach size and formation time from Froehlich (2008).
///
/// Froehlich fitted 74 embankment failures (J. Hydraul. Eng. 134:1708):
/// average breach width `B = 0.27 k0 Vw^0.32 hb^0.04` and formation time
/// `tf = 63.2 sqrt(Vw / (g hb^2))`, with `Vw` the water volume above the
/// breach bottom when it fails (m3), `hb` the breach height (m) and `k0`
/// 1.3 for overtopping, 1.0 for piping and other modes (reference/
/// hazards.md §9.2, which also lists the older 1995 forms not to mix up).
/// A drill needs a plausible breach from what a planner knows (the pond
/// volume and the levee height), which is what these regressions give.
public struct FroehlichBreach: Sendable, Equatable {
  /// How the embankment fails; only `k0` depends on it here.
  public enum Mode: String, Sendable, CaseIterable {
    case overtopping
    case piping

    /// Froehlich's failure-mode factor.
    public var k0: Double {
      switch self {
      case .overtopping: 1.3
      case .piping: 1.0
      }
    }
  }

  /// Gravity in Froehlich's formation time (m/s2).
  public static let gravity = 9.81

  /// Average breach width (m).
  public let width: Double
  /// Time the breach takes to form (s).
  public let formationTime: Double

  /// The breach of an embankment holding `volume` m3 above a breach
  /// `height` m deep, failing by `mode`.
  public init(volume: Double, height: Double, mode: Mode) throws {
    guard volume > 0, volume.isFinite else {
      throw HazardsError("breach", "Froehlich needs a stored volume > 0 m3, got \(volume)")
    }
    guard height > 0, height.isFinite else {
      throw HazardsError("breach", "Froehlich needs a breach height > 0 m, got \(height)")
    }
    width = 0.27 * mode.k0 * pow(volume, 0.32) * pow(height, 0.04)
    formationTime = 63.2 * (volume / (Self.gravity * height * height)).squareRoot()
  }
}
