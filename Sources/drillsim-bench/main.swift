import Benchmarks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Usage: `drillsim-bench NAME [NAME...] [--json] [--repeat N]`.
///
/// Arguments are parsed by hand: this executable depends on Benchmarks
/// only.
let usage = "usage: drillsim-bench NAME [NAME...] [--json] [--repeat N]"

func fail(_ message: String) -> Never {
  var text = message + "\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(2)
}

var names: [String] = []
var json = false
var repeats = 1
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--json":
    json = true
  case "--repeat":
    guard let text = arguments.popFirst(), let count = Int(text), count >= 1 else {
      fail("--repeat needs a positive integer\n\(usage)")
    }
    repeats = count
  case "--help", "-h":
    print(usage)
    for benchmark in BenchmarkCatalog.full.benchmarks {
      print("  \(benchmark.name): \(benchmark.summary)")
    }
    exit(0)
  default:
    if argument.hasPrefix("-") { fail("unknown option \(argument)\n\(usage)") }
    names.append(argument)
  }
}

let catalog = BenchmarkCatalog.full
if names.isEmpty {
  fail("no benchmark named\n\(usage)\nbenchmarks: \(catalog.names.joined(separator: ", "))")
}
var selected: [Benchmark] = []
for name in names {
  guard let benchmark = catalog.benchmark(named: name) else {
    fail("unknown benchmark \(name); known: \(catalog.names.joined(separator: ", "))")
  }
  selected.append(benchmark)
}

var results: [BenchmarkResult] = []
for benchmark in selected {
  for _ in 0..<repeats {
    for result in benchmark.run() {
      if !json { print(result.summaryLine) }
      results.append(result)
    }
  }
}
if json {
  do {
    print(try results.jsonText())
  } catch {
    fail("cannot encode results: \(error)")
  }
}
