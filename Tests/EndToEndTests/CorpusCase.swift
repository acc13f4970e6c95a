import Foundation

/// One case of a test corpus under `Tests/EndToEndTests/Corpus/`, with its
/// expectation read from the case itself, so a case is one file (hostile
/// scripts) or one folder (malformed inputs) and never a line in Swift.
///
/// A hostile script starts with comment lines:
///
///     -- expect: exit=3 stderr~"07-loop.lua:2: instruction budget"
///     -- args: --max-instructions 1000000
///
/// A malformed case is a folder with the input files and `case.txt`:
///
///     about: an OSM extract cut off inside a way
///     run: map import cut.osm --out out.geojson
///     expect: exit=2 stderr~"cut.osm:7:"
///     generate: deep-json deep.geojson 200000
///
/// `generate` writes a large input into the case's scratch copy at test
/// time (inputs above 100 kB are not committed).
struct CorpusCase: CustomStringConvertible, Sendable {
  /// The file or folder name, such as `07-loop.lua`.
  let name: String
  /// The case's file (hostile) or folder (malformed).
  let url: URL
  /// The command line after `drillsim` (malformed cases; hostile cases
  /// add theirs to `run`).
  let arguments: [String]
  let status: Int32
  /// Text that stderr must contain, all of it.
  let fragments: [String]
  /// `generate` lines: generator name and its arguments.
  let generators: [[String]]

  var description: String { name }

  static let root = CommandLine.repository.appendingPathComponent("Tests/EndToEndTests/Corpus")

  /// Every hostile script, in name order.
  static func hostile() throws -> [CorpusCase] {
    let folder = root.appendingPathComponent("hostile")
    return try entries(folder).filter { $0.hasSuffix(".lua") }.map { name in
      let url = folder.appendingPathComponent(name)
      let header = try String(contentsOf: url, encoding: .utf8).split(
        separator: "\n", omittingEmptySubsequences: false
      ).prefix { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) }
      return try parse(name: name, url: url, lines: header)
    }
  }

  /// Every malformed-input case, in name order.
  static func malformed() throws -> [CorpusCase] {
    let folder = root.appendingPathComponent("malformed")
    return try entries(folder).map { name in
      let url = folder.appendingPathComponent(name)
      let text = try String(
        contentsOf: url.appendingPathComponent("case.txt"), encoding: .utf8)
      return try parse(
        name: name, url: url, lines: text.split(separator: "\n").map(String.init))
    }
  }

  static func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  static func parse(name: String, url: URL, lines: [String]) throws -> CorpusCase {
    var arguments: [String] = []
    var status: Int32?
    var fragments: [String] = []
    var generators: [[String]] = []
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard let colon = trimmed.firstIndex(of: ":") else { continue }
      let key = trimmed[..<colon]
      let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "args", "run": arguments += value.split(separator: " ").map(String.init)
      case "generate": generators.append(value.split(separator: " ").map(String.init))
      case "expect":
        var rest = Substring(value)
        while let token = rest.split(separator: " ").first {
          if token.hasPrefix("exit=") {
            status = Int32(token.dropFirst(5))
            rest = rest.dropFirst(token.count).drop { $0 == " " }
          } else if token.hasPrefix("stderr~\"") {
            let body = rest.dropFirst("stderr~\"".count)
            guard let end = body.firstIndex(of: "\"") else {
              throw Malformed(description: "\(name): unterminated stderr~\"...\"")
            }
            fragments.append(String(body[..<end]))
            rest = body[body.index(after: end)...].drop { $0 == " " }
          } else {
            throw Malformed(description: "\(name): unknown expectation '\(token)'")
          }
        }
      default: continue
      }
    }
    guard let status, !fragments.isEmpty else {
      throw Malformed(description: "\(name): needs 'expect: exit=N stderr~\"...\"'")
    }
    return CorpusCase(
      name: name, url: url, arguments: arguments, status: status, fragments: fragments,
      generators: generators)
  }
}
