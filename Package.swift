// swift-tools-version: 6.0
import PackageDescription

/// drillsim: a Lua-scripted discrete-event simulator for township emergency
/// planning. Module layering follows DESIGN.md §1: imports point one way.
/// Release builds skip Swift's dynamic exclusivity checks in the hot
/// simulation modules (they cost up to a tenth of a Lua-process run); debug
/// builds and tests of other configurations keep them.
let hotPath: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
  name: "drillsim",
  products: [
    .executable(name: "drillsim", targets: ["drillsim"]),
    .executable(name: "drillsim-bench", targets: ["drillsim-bench"]),
    // The loaders and the scenario runner as libraries, for the fuzz targets
    // in Fuzz/ (a separate package, so the normal build is unchanged).
    .library(name: "Township", targets: ["Township"]),
    .library(name: "ScenarioLua", targets: ["ScenarioLua", "Scenario", "LuaHost"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLua", pkgConfig: "lua5.4",
      providers: [.apt(["liblua5.4-dev"]), .brew(["lua"])]),
    .target(name: "CLuaBridge", dependencies: ["CLua"]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),
    // The flood solver's inner loops, built plain and for AVX2 (picked at run
    // time); no fused multiply-adds, so both give the same bits.
    .target(name: "CFloodKernel", cSettings: [.unsafeFlags(["-ffp-contract=off"])]),
    .target(name: "SimKernel", swiftSettings: hotPath),
    .target(name: "LuaHost", dependencies: ["CLua", "CLuaBridge"], swiftSettings: hotPath),
    .target(name: "Township", dependencies: ["SimKernel", "CZlib"], swiftSettings: hotPath),
    .target(
      name: "Hazards", dependencies: ["SimKernel", "Township", "CFloodKernel"],
      swiftSettings: hotPath),
    .target(name: "Evacuation", dependencies: ["SimKernel", "Township"], swiftSettings: hotPath),
    .target(name: "Response", dependencies: ["SimKernel", "Township"]),
    .target(name: "Logistics", dependencies: ["SimKernel", "Township"]),
    .target(
      name: "Scenario",
      dependencies: ["SimKernel", "Township", "Hazards", "Evacuation", "Response", "Logistics"]),
    .target(
      name: "ScenarioLua",
      dependencies: ["LuaHost", "Scenario", "SimKernel", "Hazards", "Response", "Logistics"],
      swiftSettings: hotPath),
    .target(name: "Recording", dependencies: ["SimKernel", "Scenario"]),
    .target(name: "Reports", dependencies: ["Recording"]),
    .target(
      name: "Experiments",
      dependencies: [
        "Scenario", "ScenarioLua", "Recording",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .target(
      name: "Benchmarks",
      dependencies: [
        "SimKernel", "LuaHost", "Scenario", "ScenarioLua", "Township", "Hazards", "Evacuation",
        "Response", "Logistics",
      ], swiftSettings: hotPath),
    .executableTarget(
      name: "drillsim",
      dependencies: [
        "Scenario", "ScenarioLua", "Recording", "Reports", "Experiments", "Benchmarks", "Township",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "drillsim-bench", dependencies: ["Benchmarks"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
    .testTarget(name: "LuaHostTests", dependencies: ["LuaHost"]),
    .testTarget(name: "TownshipTests", dependencies: ["Township"]),
    .testTarget(
      name: "ScenarioLuaTests",
      dependencies: ["ScenarioLua", "Scenario", "Recording", "Hazards"]),
    .testTarget(name: "HazardsTests", dependencies: ["Hazards"]),
    .testTarget(name: "EvacuationTests", dependencies: ["Evacuation", "Township", "SimKernel"]),
    .testTarget(name: "ResponseTests", dependencies: ["Response", "Township", "SimKernel"]),
    .testTarget(name: "LogisticsTests", dependencies: ["Logistics", "Township", "SimKernel"]),
    .testTarget(name: "RecordingTests", dependencies: ["Recording", "Scenario", "SimKernel"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Recording"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Scenario"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["CZlib"], exclude: ["Fixtures", "Corpus"]),
  ]
)
