import Foundation

/// A file the fuzz input is written to before a loader reads it.
///
/// The loaders take paths (they stream, and pick gzip or plain by content),
/// so feeding them through a real file exercises the same code a user's file
/// does. The file lives in a private folder in /dev/shm when there is one
/// (memory, not disk), and is overwritten on every input.
public struct ScratchFile: Sendable {
  /// The file's path; its name ends in the extension given at creation.
  public let path: String

  /// Creates a private folder for the process and names a file in it.
  public init(name: String) {
    let base =
      FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = "\(base)/drillsim-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    path = "\(folder)/\(name)"
  }

  /// Replaces the file's contents with `size` bytes at `data` (none if nil).
  public func write(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot write the fuzz input to \(path)") }
    defer { close(descriptor) }
    guard let data else { return }
    var written = 0
    while written < size {
      let count = Foundation.write(descriptor, data + written, size - written)
      guard count > 0 else { fatalError("cannot write the fuzz input to \(path)") }
      written += count
    }
  }
}
