import FuzzInput
import LuaHost
import Scenario
import ScenarioLua

/// Loads each input as a scenario's source and runs its setup.
///
/// Setup is where `scenario{...}` is read: the header's fields, an inline
/// `map = {...}` table turned into a township, `sim.param` and
/// `sim.objective` declarations, then the default models. Feeding whole
/// source text (rather than a prebuilt table) lets the mutator reach every
/// path a hostile file can: tables of the wrong shape, fields of the wrong
/// type, metatables, huge or non-finite numbers, repeated declarations. A
/// tight budget (10^6 instructions, 64 MiB of Lua memory) turns runaway
/// scripts into the limit error a real run reports, not a fuzzer timeout.
enum ScenarioTarget {
  static let file = ScratchFile(name: "input.lua")
  static let limits = LuaLimits(instructions: 1_000_000, memoryBytes: 64 << 20)
}

FuzzDriver.run { data, size in
  ScenarioTarget.file.write(data, size)
  _ = try? LuaScenario(
    path: ScenarioTarget.file.path, options: RunOptions(limits: ScenarioTarget.limits),
    sink: EventLog())
  return 0
}
