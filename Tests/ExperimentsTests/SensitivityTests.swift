import Experiments
import Testing

/// Standardised regression coefficients on functions with known answers.
@Suite struct SensitivityTests {
  /// The sample standard deviation, worked out directly.
  func sd(_ values: [Double]) -> Double {
    let mean = values.reduce(0, +) / Double(values.count)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  @Test func linearFunctionGivesItsScaledCoefficients() throws {
    // y = 3 x1 - 2 x2 + 7 on a 5 x 4 grid: SRC_j = b_j sd(x_j) / sd(y).
    var inputs: [[Double]] = []
    for x1 in [0.0, 1, 2, 3, 4] {
      for x2 in [10.0, 20, 30, 40] { inputs.append([x1, x2]) }
    }
    let y = inputs.map { 3 * $0[0] - 2 * $0[1] + 7 }
    let fit = try Sensitivity(names: ["x1", "x2"], inputs: inputs, output: y)
    let sdY = sd(y)
    #expect(fit.coefficients.map(\.input) == ["x1", "x2"])
    #expect(abs(fit.coefficients[0].src - 3 * sd(inputs.map { $0[0] }) / sdY) < 1e-12)
    #expect(abs(fit.coefficients[1].src - -2 * sd(inputs.map { $0[1] }) / sdY) < 1e-12)
    #expect(abs(fit.rSquared - 1) < 1e-12)
    #expect(fit.observations == 20)
    // Independent inputs, exact fit: the squares add up to R².
    let squares = fit.coefficients.reduce(0) { $0 + $1.src * $1.src }
    #expect(abs(squares - 1) < 1e-12)
  }

  @Test func noiseLowersRSquaredAndAConstantInputGetsZero() throws {
    var inputs: [[Double]] = []
    var y: [Double] = []
    for (i, x) in [1.0, 2, 3, 4, 5, 6, 7, 8].enumerated() {
      inputs.append([x, 4])
      y.append(x + (i % 2 == 0 ? 1 : -1))
    }
    let fit = try Sensitivity(names: ["x", "fixed"], inputs: inputs, output: y)
    #expect(fit.coefficients[1].src == 0)
    #expect(fit.coefficients[0].src > 0.8 && fit.coefficients[0].src < 1)
    #expect(fit.rSquared > 0.7 && fit.rSquared < 1)
  }

  @Test func collinearOrTooFewRunsAreRefused() {
    #expect(throws: ExperimentsError.self) {
      try Sensitivity(
        names: ["a", "b"], inputs: [[1, 2], [2, 4], [3, 6], [4, 8]], output: [1, 2, 3, 5])
    }
    #expect(throws: ExperimentsError.self) {
      try Sensitivity(names: ["a", "b"], inputs: [[1, 2], [2, 1], [3, 3]], output: [1, 2, 3])
    }
  }
}
