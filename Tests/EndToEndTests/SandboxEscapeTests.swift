import Foundation
import Testing

/// Hostile scripts through the real command: a clear message, exit code 1
/// or 3, and never a crash.
@Suite struct SandboxEscapeTests {
  static let cases: [(source: String, message: String, status: Int32)] = [
    ("local f = io.open('/etc/passwd')", "'io' is not available", 1),
    ("os.execute('touch /tmp/owned')", "'os' is not available", 1),
    ("require('socket')", "module 'socket' not found", 1),
    ("assert(load(string.char(27) .. 'LuaT\\0'))", "binary", 1),
    ("string.dump(print)", "string.dump", 1),
    ("debug.sethook()", "'debug' is not available", 1),
    ("string.format = nil", "read-only table 'string'", 1),
    ("math.randomseed(os.time())", "'os' is not available", 1),
    ("math.randomseed(1234)", "math.randomseed is disabled", 1),
    ("while true do pcall(function() while true do end end) end", "instruction budget", 3),
    ("local x = 0\nwhile true do x = x + 1 end", "case.lua:2: instruction budget", 3),
    ("local t = {}\nwhile true do t[#t + 1] = {} end", "memory cap", 3),
    (
      "sim.process(function() local t = {} while true do t[#t+1] = ('x'):rep(64) .. #t end end)",
      "memory cap", 3
    ),
  ]

  @Test(arguments: 0..<SandboxEscapeTests.cases.count)
  func escapeFailsCleanly(index: Int) throws {
    let (source, message, status) = Self.cases[index]
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try CommandLine.scenario(source, in: folder)
    let result = try CommandLine.run(
      [
        "run", path, "--max-instructions", "20000000", "--max-memory-mb", "64", "--out",
        folder.appendingPathComponent("out").path,
      ])
    #expect(!result.crashed)
    #expect(result.status == status, "\(source): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(source): \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/owned"))
  }
}
