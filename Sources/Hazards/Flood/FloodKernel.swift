import CFloodKernel
import Foundation

/// Which compiled version of the flood solver's inner loops runs.
///
/// The face update, the outflow limiter and continuity live in the C
/// target `CFloodKernel`, built twice: for plain x86-64 (SSE2, two doubles
/// per register) and for AVX2 (four). Swift cannot mark one function for a
/// newer instruction set, and building the whole package for one would
/// stop it running on older machines, so the choice is made at run time.
/// Both versions do the same IEEE operations in the same order and give
/// the same bits; the choice exists to check that and to measure what AVX2
/// saves.
public enum FloodKernel: String, Sendable, Equatable, CaseIterable {
  /// Four doubles per instruction; runs only where the CPU has AVX2.
  case avx2
  /// Plain x86-64 (or whatever the machine is), runs everywhere.
  case portable

  /// True when this CPU (and its operating system) can run the AVX2 loops.
  public static let avx2Available = cfk_avx2_available() != 0

  /// AVX2 where the CPU has it, the portable loops elsewhere or when the
  /// environment variable `DRILLSIM_FLOOD_KERNEL` is `portable` (to compare
  /// whole runs made either way).
  public static let fastest: FloodKernel = {
    let forced = ProcessInfo.processInfo.environment["DRILLSIM_FLOOD_KERNEL"]
    return avx2Available && forced != "portable" ? .avx2 : .portable
  }()

  /// The C loops' switch: 1 for the AVX2 loops, which `.avx2` selects only
  /// where the CPU has them.
  var usesAVX2: Int32 { self == .avx2 && Self.avx2Available ? 1 : 0 }
}
