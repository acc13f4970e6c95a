// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for drillsim's input readers.
///
/// They are kept out of the main package so `swift build` and CI never
/// compile them. Build and run them with `scripts/fuzz`; they need
/// `-sanitize=fuzzer` (Linux toolchains ship libFuzzer in the clang runtime)
/// and lld (`-use-ld=lld`). Each executable's `main.swift` calls libFuzzer's
/// driver (`FuzzDriver.run`).
let package = Package(
  name: "drillsim-fuzz",
  dependencies: [.package(name: "drillsim", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(name: "FuzzInput", dependencies: ["CLibFuzzer"]),
    .executableTarget(
      name: "fuzz-geojson",
      dependencies: ["FuzzInput", .product(name: "Township", package: "drillsim")]),
    .executableTarget(
      name: "fuzz-osm",
      dependencies: ["FuzzInput", .product(name: "Township", package: "drillsim")]),
    .executableTarget(
      name: "fuzz-asc",
      dependencies: ["FuzzInput", .product(name: "Township", package: "drillsim")]),
    .executableTarget(
      name: "fuzz-scenario",
      dependencies: ["FuzzInput", .product(name: "ScenarioLua", package: "drillsim")]),
  ]
)
