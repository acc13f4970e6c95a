import LuaHost
import Testing

/// The sandbox on its own: what scripts can and cannot reach.
@Suite struct SandboxTests {
  /// Runs `source` in a fresh sandboxed state; returns the error, if any.
  func run(
    _ source: String, limits: LuaLimits = LuaLimits(instructions: 50_000_000, memoryBytes: 64 << 20)
  )
    throws -> LuaError?
  {
    let state = try LuaState(limits: limits)
    var draws: UInt64 = 0
    let sandbox = try state.installSandbox(
      SandboxOptions(
        moduleRoot: nil, print: { _ in },
        randomUnit: {
          draws += 1
          return 0.5
        }, randomInteger: { a, _ in a }))
    try state.load(source, chunkName: "=test")
    state.push(sandbox.environment)
    #expect(state.setChunkEnvironment())
    do {
      try state.call(arguments: 0, results: 0)
      return nil
    } catch {
      return error
    }
  }

  @Test(
    arguments: [
      ("io.open('/etc/passwd')", "'io' is not available"),
      ("os.execute('true')", "'os' is not available"),
      ("debug.getinfo(1)", "'debug' is not available"),
      ("require('socket')", "require is not available"),
      ("string.dump(print)", "string.dump is not available"),
      ("load(string.char(27) .. 'LuaT')", nil),
      ("string.rep = function() end", "read-only table 'string'"),
      ("math.random = function() return 4 end", "read-only table 'math'"),
      ("rawset(table, 'insert', print)", "read-only table"),
      ("getmetatable('').__index.rep = nil", "attempt to index a boolean value"),
      ("math.randomseed(42)", "math.randomseed is disabled"),
      ("collectgarbage('stop')", "only \"count\""),
      ("pairs = nil", "cannot replace the built-in 'pairs'"),
    ] as [(String, String?)])
  func escapeAttemptsFail(source: String, expected: String?) throws {
    let error = try run(source)
    if let expected {
      let message = error?.message ?? "no error"
      #expect(message.contains(expected), "\(source) -> \(message)")
    } else {
      // load() reports binary chunks as a failed load, not a raised error.
      #expect(
        try run("assert(load(string.char(27) .. 'LuaT'))")?.message.contains("binary") == true)
    }
  }

  @Test func budgetKillCannotBeSwallowedByPcall() throws {
    let error = try run(
      "while true do pcall(function() while true do end end) end",
      limits: LuaLimits(instructions: 5_000_000, memoryBytes: 64 << 20))
    #expect(error?.kind == .instructionBudget)
  }

  @Test func memoryCapStopsATableGrowingLoop() throws {
    let error = try run(
      "local t = {} while true do t[#t + 1] = {} end",
      limits: LuaLimits(instructions: 0, memoryBytes: 16 << 20))
    #expect(error?.kind == .memoryCap)
  }

  @Test func pairsVisitsKeysInAFixedOrder() throws {
    let error = try run(
      """
      local t = { b = 1, a = 2, [3] = 0, [1] = 0, c = 3, [true] = 1 }
      local seen = {}
      for k in pairs(t) do seen[#seen + 1] = tostring(k) end
      assert(table.concat(seen, ",") == "1,3,a,b,c,true", table.concat(seen, ","))
      """)
    #expect(error == nil, "\(String(describing: error))")
  }

  @Test func runtimeErrorCarriesLineAndTraceback() throws {
    let error = try run("local x = 1\nlocal y = nil + x")
    #expect(error?.kind == .runtime)
    #expect(error?.message.hasPrefix("test:2:") == true)
    #expect(error?.traceback.contains("stack traceback") == true)
  }
}
