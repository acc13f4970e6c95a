import Foundation
import Hazards
import Testing

/// The shared reference folder beside the repository (../shared/reference),
/// found from this file's path.
private let referenceDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("shared/reference")
private let goldenURL = referenceDirectory.appendingPathComponent("rothermel_golden.csv")
private let goldenPresent = FileManager.default.fileExists(atPath: goldenURL.path)

/// Every row of rothermel_golden.csv (pyretechnics 2026.10.20) against our
/// Rothermel implementation.
///
/// Tolerance per value: 1e-4 relative plus half a unit in the last decimal
/// the CSV prints (a value printed as 0.1718 cannot be checked closer than
/// ±0.00005, which alone is 2.9e-4 relative). What remains after that
/// allowance is ≤ 5.6e-5, the rounded unit factors pyretechnics uses
/// (1 m = 3.281 ft, 3.46165186 kW/m per Btu/ft/s) against exact ones.
@Suite struct RothermelGoldenTests {
  @Test(
    .enabled(if: goldenPresent, "../shared/reference/rothermel_golden.csv is absent: skipped"))
  func everyGoldenRowMatches() throws {
    let text = try String(contentsOf: goldenURL, encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(
      header == [
        "scenario", "fuel", "number", "midflame_mph", "slope", "wind_limit", "R0_m_min",
        "R_m_min", "R_ch_h", "I_kW_m", "flame_m", "LW", "ecc",
      ])
    var rows = 0
    var worstExcess = 0.0
    var worstRelative = 0.0
    for line in lines.dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      try #require(f.count == 13, "bad row \(line)")
      let moisture = try #require(FuelMoisture.scenario(f[0]), "unknown scenario \(f[0])")
      let model = try #require(FuelModel.standard(number: Int(f[2]) ?? -1), "fuel \(f[2])")
      #expect(model.code == f[1] || "FM\(model.number)" == f[1])
      let mph = try #require(Double(f[3]))
      let slope = try #require(Double(f[4]))
      let fire = SurfaceFire(
        model: model, moisture: moisture, midflameWind: FireUnits.metresPerMinute(mph: mph),
        windToward: 0, slope: slope, upslopeAzimuth: 0, windLimit: f[5] == "True")
      let computed = [
        fire.baseSpreadRate, fire.headSpreadRate,
        FireUnits.chainsPerHour(metresPerMinute: fire.headSpreadRate), fire.firelineIntensity,
        fire.flameLength, fire.lengthToBreadth, fire.eccentricity,
      ]
      for (k, printed) in f[6...12].enumerated() {
        let golden = try #require(Double(printed))
        let decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
        let halfUnit = 0.5 * pow(10, -Double(decimals))
        let diff = abs(computed[k] - golden)
        let scale = max(abs(golden), 1e-12)
        worstRelative = max(worstRelative, diff / scale)
        worstExcess = max(worstExcess, max(0, diff - halfUnit) / scale)
        #expect(
          diff <= 1e-4 * abs(golden) + halfUnit,
          "\(f[0]) \(f[1]) \(mph) mph slope \(slope) \(header[6 + k]): \(computed[k]) vs \(golden)"
        )
      }
      rows += 1
    }
    #expect(rows == 313)
    print(
      "rothermel golden: \(rows) rows, max rel error beyond CSV rounding \(worstExcess),"
        + " raw max rel error \(worstRelative)")
  }
}
