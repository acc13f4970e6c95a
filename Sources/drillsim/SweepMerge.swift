import ArgumentParser
import Experiments
import Foundation

/// `drillsim sweep merge DIR...`: merges shard stores into one.
struct SweepMerge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge sweep stores (shards) into one.",
    discussion: """
      With --out, every DIR is merged into that folder (created if needed); without it, \
      the other folders are merged into the first. Stores of different sweeps are \
      refused (exit 2); a run held by two stores must have the same result.
      """)

  @Argument(help: "The sweep folders to merge.")
  var folders: [String]

  @Option(name: .long, help: "The folder to merge into (default: the first DIR).")
  var out: String?

  @Flag(name: .long, help: "Print only errors.")
  var quiet = false

  func run() throws {
    guard !folders.isEmpty else {
      printError("drillsim: invalid input: sweep merge needs at least one folder")
      throw ExitStatus.invalidInput.code
    }
    try reportingExperimentsErrors { () throws(ExperimentsError) in
      let target = out ?? folders[0]
      let sources = out == nil ? Array(folders.dropFirst()) : folders
      let opened = try sources.map { folder throws(ExperimentsError) in try openSweepStore(folder) }
      // Check every definition before writing anything.
      for (folder, store) in zip(sources, opened) where try store.definition() == nil {
        throw ExperimentsError(folder, "the store holds no sweep definition")
      }
      if let first = try opened.first?.definition() {
        for (folder, store) in zip(sources, opened) {
          if let definition = try store.definition(), definition != first {
            throw ExperimentsError(
              folder,
              "holds another sweep than \(sources[0]) (differs in: "
                + definition.differences(from: first).joined(separator: "; ") + ")")
          }
        }
      }
      let store = try SweepStore(folder: URL(fileURLWithPath: target), create: out != nil)
      for (folder, source) in zip(sources, opened) {
        let count = try store.merge(from: source)
        if !quiet {
          print("\(folder): \(count.added) runs added, \(count.duplicates) already held")
        }
      }
      if !quiet { print("\(target): \(try store.count()) runs") }
    }
  }
}
