import LuaHost
import Testing

/// Swift functions that suspend their coroutine: the bridge yields after
/// the Swift frames have returned, and the resume values become the
/// function's results.
@Suite struct HostYieldTests {
  /// A state with `pause` (yields 7) and `report` (records its argument),
  /// and a coroutine running `body(x)` that calls them.
  struct Fixture {
    let state: LuaState
    let thread: LuaThread
    let reported: Box

    final class Box { var value: Int64? }

    init(_ body: String) throws {
      state = try LuaState(limits: LuaLimits(instructions: 1_000_000, memoryBytes: 16 << 20))
      let reported = Box()
      self.reported = reported
      let pause = state.register("pause") { call in
        call.push(integer: 7)
        return call.yield(1)
      }
      let report = state.register("report") { call in
        reported.value = call.integer(at: 1)
        return 0
      }
      try state.load("local pause, report = ...\nreturn " + body, chunkName: "=test")
      state.push(pause)
      state.push(report)
      try state.call(arguments: 2, results: 1)
      thread = state.newThread(on: state.stack)
      state.move(1, to: thread)
    }
  }

  @Test func resumeValuesBecomeTheResults() throws {
    let fixture = try Fixture("function(x) local a, b = pause() report(x + a * b) end")
    fixture.thread.stack.push(integer: 5)
    guard case .yielded(let count) = fixture.state.resume(fixture.thread, arguments: 1) else {
      Issue.record("the coroutine did not yield")
      return
    }
    #expect(count == 1)
    #expect(fixture.thread.stack.integer(at: -1) == 7)
    fixture.thread.stack.pop(count)
    #expect(fixture.reported.value == nil)
    fixture.thread.stack.push(integer: 3)
    fixture.thread.stack.push(integer: 4)
    guard case .finished = fixture.state.resume(fixture.thread, arguments: 2) else {
      Issue.record("the coroutine did not finish")
      return
    }
    #expect(fixture.reported.value == 17)
  }

  @Test func aYieldInsidePcallResumesInsideIt() throws {
    let fixture = try Fixture(
      "function() local ok, v = pcall(pause) report(ok and v or -1) end")
    guard case .yielded(let count) = fixture.state.resume(fixture.thread, arguments: 0) else {
      Issue.record("the coroutine did not yield")
      return
    }
    fixture.thread.stack.pop(count)
    fixture.thread.stack.push(integer: 9)
    guard case .finished = fixture.state.resume(fixture.thread, arguments: 1) else {
      Issue.record("the coroutine did not finish")
      return
    }
    #expect(fixture.reported.value == 9)
  }

  @Test func aYieldOutsideACoroutineIsAnError() throws {
    let fixture = try Fixture("function() end")
    let state = fixture.state
    try state.load("local pause = ...\npause()", chunkName: "=main")
    state.push(state.register("pause") { call in call.yield() })
    #expect(throws: LuaError.self) { try state.call(arguments: 1, results: 0) }
  }
}
