import Foundation

/// Runs the `drillsim` executable as a user would, in a fresh process.
enum CommandLine {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `$DRILLSIM_BIN`, else the release build, else the debug build.
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["DRILLSIM_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let release = repository.appendingPathComponent(".build/release/drillsim")
    if FileManager.default.isExecutableFile(atPath: release.path) { return release }
    return repository.appendingPathComponent(".build/debug/drillsim")
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
    /// True when the process ended by a signal (a crash), not an exit.
    let crashed: Bool
  }

  static func run(
    _ arguments: [String], in folder: URL? = nil, executable: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable ?? binary
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.currentDirectoryURL = folder ?? repository
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      crashed: process.terminationReason == .uncaughtSignal)
  }

  static func fixture(_ name: String) -> String {
    repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/\(name)").path
  }

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "drillsim-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `source` as a scenario file in `folder`.
  static func scenario(_ source: String, in folder: URL, name: String = "case.lua") throws -> String
  {
    let url = folder.appendingPathComponent(name)
    try Data(source.utf8).write(to: url)
    return url.path
  }
}
