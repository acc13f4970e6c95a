import CLibFuzzer
import Foundation

/// Hands control to libFuzzer with the process's arguments.
///
/// The fuzz executables keep their ordinary `main` (SwiftPM routes the
/// executable's entry point through it) and call libFuzzer's driver from
/// there, instead of letting libFuzzer's own `main` take over.
public enum FuzzDriver {
  /// Runs libFuzzer on `body`, which gets each input and returns 0; exits
  /// with libFuzzer's status.
  public static func run(
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, body))
  }
}
