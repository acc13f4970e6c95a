import Foundation
import Testing

/// `drillsim sweep report` writes report.html whose numbers are the
/// store's: a real sweep of the three-cuts flood (2 points x 3
/// replications), its CSV export recomputed here, and the same bytes on a
/// second report.
@Suite struct SweepReportHTMLTests {
  static let scenario = CommandLine.repository.appendingPathComponent(
    "scenarios/three-cuts-flood.lua"
  ).path
  static let sweep = [
    "--design", "grid", "--vary", "order_delay=0,900", "--param", "road_cut_at=1800",
    "--param", "peak_inflow=150", "--param", "repair=3600", "--replications", "3",
    "--jobs", "2",
  ]

  /// The export as rows of named fields, complete runs only.
  static func completeRuns(_ folder: URL) throws -> [[String: String]] {
    let result = try CommandLine.run(["sweep", "export", folder.path, "--csv", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [] }
    // The error column is last, so a quoted error cannot shift the others.
    return lines.dropFirst().map { fields in
      var row: [String: String] = [:]
      for (name, value) in zip(header, fields) { row[name] = value }
      return row
    }.filter { $0["status"] == "complete" }
  }

  /// Type 7 quantile (R's default), as the report documents it.
  static func quantile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    let h = Double(sorted.count - 1) * p
    let below = Int(h.rounded(.down))
    guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
    return sorted[below] + (h - Double(below)) * (sorted[below + 1] - sorted[below])
  }

  /// The value of attribute `name` in the first tag of `html` that
  /// contains `marker`.
  static func attribute(_ name: String, after marker: String, in html: String) -> Double? {
    guard let start = html.range(of: marker) else { return nil }
    let tagEnd = html[start.upperBound...].firstIndex(of: ">") ?? html.endIndex
    let tag = html[start.upperBound..<tagEnd]
    guard let attr = tag.range(of: " \(name)=\"") else { return nil }
    return Double(tag[attr.upperBound...].prefix { $0 != "\"" })
  }

  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * max(1, abs(b))
  }

  @Test func reportHoldsTheStoresNumbersAndIsReproducible() throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CommandLine.run(["sweep", Self.scenario] + Self.sweep + ["--out", folder.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("sweep: 6 runs done (0 failed)"))
    let first = try CommandLine.run(["sweep", "report", folder.path])
    #expect(first.status == 0, "\(first.stderr)")
    let page = folder.appendingPathComponent("report.html")
    #expect(first.stdout.contains("report: \(page.path)"))
    let bytes = try Data(contentsOf: page)
    let html = String(decoding: bytes, as: UTF8.self)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.lowercased().contains("http"))
    #expect(html.contains("<dd>6 stored, 0 failed, 0 missing of 6</dd>"))

    let rows = try Self.completeRuns(folder)
    #expect(rows.count == 6)
    func values(_ metric: String, point: Int) -> [Double] {
      rows.filter { $0["point"] == String(point) }.compactMap { $0[metric].flatMap(Double.init) }
    }
    // Every key metric's per point mean, from the statistics tables.
    let statistics = try #require(html.range(of: "id=\"statistics\""))
    let distributions = try #require(html.range(of: "id=\"distributions\""))
    let tables = html[statistics.upperBound..<distributions.lowerBound]
      .components(separatedBy: "<table class=\"numbers\" data-metric=\"").dropFirst()
    #expect(tables.count >= 3)
    for table in tables {
      let metric = String(table.prefix { $0 != "\"" })
      for point in 0..<2 {
        let v = values(metric, point: point)
        let row = try #require(table.range(of: "<tr data-point=\"\(point)\">"))
        let got = Self.attribute(
          "data-v", after: "class=\"mean\"", in: String(table[row.upperBound...]))
        guard !v.isEmpty else {
          #expect(got == nil)
          continue
        }
        let mean = v.reduce(0, +) / Double(v.count)
        #expect(
          Self.close(got, mean), "\(metric) point \(point): \(String(describing: got)) vs \(mean)")
      }
    }
    // Every matrix cell: median and P90 of the zone's T90 and T100 in minutes.
    let zones =
      rows.first.map { row in
        row.keys.filter { $0.hasPrefix("evacuation.") && $0.hasSuffix(".t90_s") }
          .map { String($0.dropFirst("evacuation.".count).dropLast(".t90_s".count)) }
          .filter { !$0.isEmpty }.sorted()
      } ?? []
    #expect(!zones.isEmpty)
    var checked = 0
    for zone in zones {
      for time in ["t90", "t100"] {
        for point in 0..<2 {
          let minutes = values("evacuation.\(zone).\(time)_s", point: point).map { $0 / 60 }
          guard !minutes.isEmpty else { continue }
          let marker = "data-point=\"\(point)\" data-zone=\"\(zone)\" data-time=\"\(time)\""
          #expect(Self.attribute("data-n", after: marker, in: html) == Double(minutes.count))
          let median = Self.attribute("data-median", after: marker, in: html)
          let p90 = Self.attribute("data-p90", after: marker, in: html)
          #expect(Self.close(median, Self.quantile(minutes, 0.5)), "\(marker)")
          #expect(Self.close(p90, Self.quantile(minutes, 0.9)), "\(marker)")
          checked += 1
        }
      }
    }
    #expect(checked >= 2)
    // The map's zone names head the columns, with the ids under them.
    #expect(html.contains("<br><small>\(zones[0])</small></th>"))

    let second = try CommandLine.run(["sweep", "report", folder.path])
    #expect(second.status == 0)
    #expect(try Data(contentsOf: page) == bytes)
    let elsewhere = folder.appendingPathComponent("copy.html")
    let third = try CommandLine.run(["sweep", "report", folder.path, "--html", elsewhere.path])
    #expect(third.status == 0)
    #expect(try Data(contentsOf: elsewhere) == bytes)
  }
}
