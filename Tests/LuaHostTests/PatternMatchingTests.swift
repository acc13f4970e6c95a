import LuaHost
import Testing

/// string.find, match, gmatch and gsub, which the bridge replaces with
/// versions that charge their steps to the budget: the results of Lua
/// 5.4's own, and a stop instead of a hang on a backtracking pattern.
@Suite struct PatternMatchingTests {
  /// Runs `source` in a fresh sandboxed state; returns the error, if any.
  func run(_ source: String, instructions: Int64 = 50_000_000) throws -> LuaError? {
    let state = try LuaState(
      limits: LuaLimits(instructions: instructions, memoryBytes: 64 << 20))
    let sandbox = try state.installSandbox(
      SandboxOptions(
        moduleRoot: nil, print: { _ in }, randomUnit: { 0.5 }, randomInteger: { a, _ in a }))
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

  /// Each line: a Lua expression list and the values it must give, joined
  /// by "|" (nil as "nil"), as Lua 5.4's standard string library gives them.
  @Test(arguments: [
    (#"("hello world"):find("o w")"#, "5|7"),
    (#"("hello"):find("l")"#, "3|3"),
    (#"("hello"):find("xyz")"#, "nil"),
    (#"("hello"):find("l", -2)"#, "4|4"),
    (#"("a.b"):find(".", 1, true)"#, "2|2"),
    (#"("abc"):find("b", 10)"#, "nil"),
    (#"("abc"):find("", 4)"#, "4|3"),
    (#"("abc"):find("", 5)"#, "nil"),
    (#"("a\0b"):find("\0", 1, true)"#, "2|2"),
    (#"("hello"):match("(h)(e)")"#, "h|e"),
    (#"("hello"):match("()ll()")"#, "3|5"),
    (#"("  trim  "):match("^%s*(.-)%s*$")"#, "trim"),
    (#"("THE (quick) fox"):find("%((%a+)%)")"#, "5|11|quick"),
    (#"("f(a(b)c)d"):match("%b()")"#, "(a(b)c)"),
    (#"("xyxy"):match("(xy)%1")"#, "xy"),
    (#"("hello"):match(".-(l+)(.*)")"#, "ll|o"),
    (#"("[x]"):match("[%]]")"#, "]"),
    (#"("a-b"):match("[a-c]+")"#, "a"),
    (#"("a-b"):match("[%a-]+")"#, "a-b"),
    (#"("hello"):match("^(e)")"#, "nil"),
    (#"("$5"):match("%$(%d)")"#, "5"),
    (#"("a$b"):match("a$b")"#, "a$b"),
    (#"("key = value"):match("^(%w+)%s*=%s*(%w+)$")"#, "key|value"),
    (#"("THE (quick) fox"):gsub("%f[%a]%a+", "W")"#, "W (W) W|3"),
    (#"("hello world"):gsub("o", "0")"#, "hell0 w0rld|2"),
    (#"("hello world"):gsub("(%w+)", "<%1>")"#, "<hello> <world>|2"),
    (#"("abc"):gsub("%w", "%0%0")"#, "aabbcc|3"),
    (#"("hello world"):gsub("%w+", { hello = "HI" })"#, "HI world|2"),
    (#"("abc"):gsub("%w", function(c) return c:upper() end, 2)"#, "ABc|2"),
    (#"("abc"):gsub("%w", function() return false end)"#, "abc|3"),
    (#"("abc"):gsub("", "-")"#, "-a-b-c-|4"),
    (#"("aaa"):gsub("^a", "b")"#, "baa|1"),
    (#"("a b"):gsub("%g", "x")"#, "x x|2"),
    (#"("100%"):gsub("%%", "%%%%")"#, "100%%|1"),
    (#"("abc"):gsub("b", 7)"#, "a7c|1"),
  ])
  func resultsMatchTheStandardLibrary(expression: String, expected: String) throws {
    let source = """
      local out = table.pack(\(expression))
      local parts = {}
      for i = 1, out.n do parts[i] = tostring(out[i]) end
      local got = table.concat(parts, "|")
      if got ~= \(luaString(expected)) then error("got " .. got, 0) end
      """
    let error = try run(source)
    #expect(error == nil, "\(expression): \(error?.message ?? "")")
  }

  @Test func gmatchIteratesCapturesAndEmptyMatches() throws {
    let source = """
      local got = {}
      for k, v in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do got[#got + 1] = k .. v end
      assert(table.concat(got, ",") == "a1,b2", table.concat(got, ","))
      local empty = 0
      for _ in ("abc"):gmatch("") do empty = empty + 1 end
      assert(empty == 4, empty)
      local from = {}
      for l in ("hello"):gmatch("l", 4) do from[#from + 1] = l end
      assert(#from == 1, #from)
      """
    let error = try run(source)
    #expect(error == nil, "\(error?.message ?? "")")
  }

  @Test(arguments: [
    (#"("a"):find("%")"#, "malformed pattern (ends with '%')"),
    (#"("a"):find("[a")"#, "malformed pattern (missing ']')"),
    (#"("a"):gsub("a", "%2")"#, "invalid capture index %2"),
    (#"("a"):gsub("a", { a = {} })"#, "invalid replacement value (a table)"),
    (#"("a"):match("(()")"#, "unfinished capture"),
    (#"("a"):gsub("a", "%x")"#, "invalid use of '%' in replacement string"),
    (#"("a"):find("%b")"#, "missing arguments to '%b'"),
    (#"("a"):find("%fa")"#, "missing '[' after '%f' in pattern"),
  ])
  func malformedPatternsRaiseTheStandardMessages(expression: String, message: String) throws {
    let error = try run("local x = \(expression)")
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
  }

  @Test func backtrackingPatternStopsOnTheBudget() throws {
    let source = """
      local s = ("a"):rep(40)
      local f = s:find(("a*"):rep(40) .. "b")
      """
    let error = try run(source, instructions: 5_000_000)
    #expect(
      error?.message.contains("test:2: instruction budget") == true, "\(error?.message ?? "")")
  }

  @Test func pcallCannotSwallowThePatternStop() throws {
    let source = """
      while true do
        pcall(string.find, ("a"):rep(30), ("a*"):rep(30) .. "b")
      end
      """
    let error = try run(source, instructions: 5_000_000)
    #expect(error?.message.contains("instruction budget") == true, "\(error?.message ?? "")")
  }

  func luaString(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }
}
