import CLua
import CLuaBridge
import Foundation

/// What a sandboxed state gets from its host.
public struct SandboxOptions {
  /// The folder `require` may load Lua files from (nil: no require).
  public var moduleRoot: String?
  /// Where `print` goes (the run log).
  public var print: (String) -> Void
  /// `math.random()` draws: a double on [0, 1).
  public var randomUnit: () -> Double
  /// `math.random(m, n)` draws: an integer on [m, n].
  public var randomInteger: (Int64, Int64) -> Int64

  public init(
    moduleRoot: String?, print: @escaping (String) -> Void,
    randomUnit: @escaping () -> Double, randomInteger: @escaping (Int64, Int64) -> Int64
  ) {
    self.moduleRoot = moduleRoot
    self.print = print
    self.randomUnit = randomUnit
    self.randomInteger = randomInteger
  }
}

/// The environment a sandbox gives scripts.
public struct Sandbox {
  /// The globals table scripts run in.
  public let environment: LuaRef
}

extension LuaState {
  /// Builds the sandbox (see `SandboxSource`) and returns its handles.
  public func installSandbox(_ options: SandboxOptions) throws(LuaError) -> Sandbox {
    clb_hide_string_metatable(raw)
    try load(SandboxSource.text, chunkName: SandboxSource.chunkName)
    // stack: chunk
    stack.newTable()
    push(
      register("print") { call in
        options.print(call.string(at: 1) ?? "")
        return 0
      })
    stack.setField(-2, "print")
    push(register("random", Self.random(options)))
    stack.setField(-2, "random")
    let sandboxed = SandboxedModules(root: options.moduleRoot)
    push(
      register("require") { [unowned self] call throws(LuaCallError) in
        let name = try call.checkString(1)
        return try sandboxed.load(name, into: self)
      })
    stack.setField(-2, "load_module")
    clb_push_limit_probe(raw)
    stack.setField(-2, "limit_hit")
    // stack: chunk, host
    try call(arguments: 1, results: 1)
    // stack: env
    let environment = ref()
    let sandbox = Sandbox(environment: environment)
    sandboxed.environment = environment
    return sandbox
  }

  /// Loads a Lua file as a function whose globals are the sandbox's.
  public func loadFile(_ path: String, chunkName: String, in sandbox: Sandbox) throws(LuaError) {
    let source: String
    do {
      source = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw LuaError(
        kind: .host, message: "\(chunkName): cannot read: \(error.localizedDescription)")
    }
    try load(source, chunkName: "@" + chunkName)
    setEnvironment(of: -1, to: sandbox.environment)
  }

  /// Sets the first upvalue (_ENV) of the function at `index`.
  func setEnvironment(of index: Int32, to environment: LuaRef) {
    let function = lua_absindex(raw, index)
    push(environment)
    _ = lua_setupvalue(raw, function, 1)
  }

  /// Lua 5.4's `math.random` contract over the host's stream.
  static func random(_ options: SandboxOptions) -> Function {
    { call throws(LuaCallError) in
      let low: Int64
      let high: Int64
      switch call.count {
      case 0:
        call.push(number: options.randomUnit())
        return 1
      case 1:
        low = 1
        high = try call.checkInteger(1)
        if high == 0 {  // math.random(0): all bits random
          call.push(integer: options.randomInteger(.min, .max))
          return 1
        }
      case 2:
        low = try call.checkInteger(1)
        high = try call.checkInteger(2)
      default:
        throw LuaCallError("wrong number of arguments to 'random'")
      }
      guard low <= high else { throw call.argumentError(call.count, "interval is empty") }
      call.push(integer: options.randomInteger(low, high))
      return 1
    }
  }
}

/// `require` for the sandbox: Lua text files under one folder, nothing else.
final class SandboxedModules {
  let root: String?
  var environment: LuaRef?

  init(root: String?) { self.root = root }

  func load(_ name: String, into state: LuaState) throws(LuaCallError) -> Int32 {
    guard let root, let environment else {
      throw LuaCallError("module '\(name)' not found: require is not available here")
    }
    let relative = name.split(separator: ".").joined(separator: "/") + ".lua"
    let path = root + "/" + relative
    guard FileManager.default.fileExists(atPath: path) else {
      throw LuaCallError(
        "module '\(name)' not found: require loads only Lua files under the scenario's"
          + " folder (looked for \(path)); C modules and system paths are not available")
    }
    do {
      try state.loadFile(
        path, chunkName: path, in: Sandbox(environment: environment))
    } catch {
      throw LuaCallError(error.message)
    }
    return 1
  }
}

extension LuaState {
  /// Pops a table and makes it the _ENV of the function below it (for
  /// chunks loaded with `load` that must run in a sandbox).
  public func setChunkEnvironment() -> Bool {
    lua_setupvalue(raw, -2, 1) != nil
  }
}
