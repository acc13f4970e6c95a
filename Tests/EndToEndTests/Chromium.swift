import Foundation

/// Headless Chromium, when installed (`scripts/setup --chromium`; CI installs
/// it): the browser the replay viewer is checked in.
enum Chromium {
  /// `$DRILLSIM_CHROMIUM`, else the first of chromium, chromium-browser,
  /// google-chrome on the PATH; nil when none is executable (a
  /// `DRILLSIM_CHROMIUM` naming nothing turns the browser tests off).
  static let executable: URL? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["DRILLSIM_CHROMIUM"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
      for folder in folders {
        let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
      }
    }
    return nil
  }()

  static let missing =
    "Chromium is not installed: the viewer test needs it (run scripts/setup --chromium as root,"
    + " or set DRILLSIM_CHROMIUM)"

  struct Output {
    let stdout: String
    let stderr: String
  }

  /// Runs headless Chromium on `page` with `extra` arguments; scripts get
  /// five seconds of virtual time to run.
  static func run(_ page: URL, fragment: String, _ extra: [String]) throws -> Output {
    guard let executable else { throw CocoaError(.fileNoSuchFile) }
    let profile = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = executable
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--window-size=1280,800",
        "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
      ] + extra + [page.absoluteString + fragment]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Console messages Chromium logged that report errors.
  static func consoleErrors(_ stderr: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { line in
      line.contains(":CONSOLE") && (line.contains("Uncaught") || line.contains("Error"))
    }
  }

  /// The text of the element with `id` in dumped DOM text.
  static func text(ofID id: String, in dom: String) -> String? {
    guard let open = dom.range(of: "id=\"\(id)\"") else { return nil }
    guard let close = dom[open.upperBound...].firstIndex(of: ">") else { return nil }
    let rest = dom[dom.index(after: close)...]
    guard let end = rest.firstIndex(of: "<") else { return nil }
    return String(rest[..<end])
  }
}
