import Foundation
import Testing

/// `drillsim drill msel` on the yearly drill scenario: the controllers'
/// list as CSV and Markdown, one row per declared inject, by time.
@Suite struct DrillMSELTests {
  static let scenario = "scenarios/yearly-drill.lua"

  /// `sim.inject {` statements in the scenario file, counted from its text.
  static func declaredInjects() throws -> Int {
    let text = try String(
      contentsOf: CommandLine.repository.appendingPathComponent(scenario), encoding: .utf8)
    return text.components(separatedBy: "\n").filter { $0.hasPrefix("sim.inject {") }.count
  }

  /// RFC 4180 records: quoted fields may hold commas, quotes and newlines.
  static func records(_ csv: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(csv)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
    }
    return records
  }

  /// "T+01:05 (10:05)" -> 3900; nil for a conditional row.
  static func offset(_ time: String) -> Int? {
    guard time.hasPrefix("T+") else { return nil }
    let clock = time.dropFirst(2).prefix { $0 != " " }.split(separator: ":").compactMap { Int($0) }
    return clock.reduce(0) { $0 * 60 + $1 } * (clock.count == 2 ? 60 : 1)
  }

  @Test func csvOpensWithTheHeaderAndListsEveryInjectByTime() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("msel.csv")
    let result = try CommandLine.run(["drill", "msel", Self.scenario, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: out, encoding: .utf8)
    #expect(
      csv.hasPrefix("number,time,delivery,sender,recipient,text,expected action,objective\n"))
    let records = Self.records(csv)
    let rows = Array(records.dropFirst())
    let declared = try Self.declaredInjects()
    #expect(declared >= 8)
    #expect(rows.count == declared)
    #expect(rows.allSatisfy { $0.count == 8 })
    #expect(rows.map { $0[0] } == (1...rows.count).map(String.init))
    let times = rows.map { $0[1] }
    let timed = times.prefix { !$0.hasPrefix("when: ") }.map { Self.offset($0) }
    #expect(timed.allSatisfy { $0 != nil })
    let offsets = timed.compactMap { $0 }
    #expect(offsets == offsets.sorted())
    #expect(times.dropFirst(timed.count).allSatisfy { $0.hasPrefix("when: ") })
    #expect(times.count > timed.count, "the drill has conditional injects")
    #expect(times.first == "T+00:00 (09:00)")
  }

  @Test func markdownIsATableWithARowPerInject() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("msel.md")
    let result = try CommandLine.run(["drill", "msel", Self.scenario, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let md = try String(contentsOf: out, encoding: .utf8)
    #expect(md.hasPrefix("# MSEL: yearly-drill\n"))
    let tableRows = md.split(separator: "\n").filter { $0.hasPrefix("| ") }
    #expect(tableRows.count == (try Self.declaredInjects()) + 1)
  }

  @Test func anUnknownExtensionIsInvalidInput() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("msel.txt")
    let result = try CommandLine.run(["drill", "msel", Self.scenario, "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains(".csv or .md"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aBadInjectIsInvalidInputWithItsLine() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("bad.lua")
    try Data("scenario { name = 'bad' }\nsim.inject { at = 60, to = 'x' }\n".utf8).write(
      to: scenario)
    let result = try CommandLine.run([
      "drill", "msel", scenario.path, "--out", folder.appendingPathComponent("m.csv").path,
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.lua:2:"), "\(result.stderr)")
  }

  /// The drill runs: every objective rated, every inject fired.
  @Test func theYearlyDrillRatesEveryObjectiveAndFiresEveryInject() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandLine.run(["run", Self.scenario, "--out", folder.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
    let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let objectives = try #require(summary["objectives"] as? [[String: Any]])
    #expect(objectives.count == 6)
    for objective in objectives {
      #expect(["P", "S", "M", "U"].contains(objective["rating"] as? String ?? ""), "\(objective)")
    }
    let metrics = try #require(summary["metrics"] as? [String: Double])
    let declared = try Self.declaredInjects()
    for n in 1...declared {
      #expect(metrics["inject.\(n).fired"] == 1, "inject \(n) did not fire")
    }
    // report.html lists the injects: one row each, plus the header.
    let html = try String(
      contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    let table = try #require(html.range(of: "<table id=\"injects\">"))
    let end = try #require(html.range(of: "</table>", range: table.upperBound..<html.endIndex))
    #expect(
      html[table.upperBound..<end.lowerBound].components(separatedBy: "<tr").count - 1 == declared
        + 1)
  }
}
