/// Standardised regression coefficients (SRC): how much of an output's
/// spread each input explains, from a least-squares fit on standardised
/// inputs and output.
///
/// With inputs and output scaled to mean 0 and standard deviation 1, the
/// fitted coefficient of input j is b_j sd(x_j) / sd(y) of the raw fit: a
/// change of one standard deviation in x_j moves y by SRC_j of its standard
/// deviations. For a model close to linear (R² near 1) and independent
/// inputs, the squared SRCs add up to R² (Saltelli et al. 2004, ch. 1).
public struct Sensitivity: Sendable {
  /// One input's coefficient.
  public struct Coefficient: Equatable, Sendable {
    public let input: String
    /// The standardised coefficient; 0 for an input that never varied.
    public let src: Double
  }

  public let coefficients: [Coefficient]
  /// Share of the output's variance the linear fit explains.
  public let rSquared: Double
  public let observations: Int

  /// Fits `output` on `inputs` by least squares on standardised values.
  ///
  /// `inputs` has one row per observation and one column per name in
  /// `names`. Rows with a NaN output are left out.
  ///
  /// - Throws: when there are fewer observations than varied inputs plus
  ///   two, or the inputs are collinear.
  public init(names: [String], inputs: [[Double]], output: [Double]) throws(ExperimentsError) {
    let rows = zip(inputs, output).filter { !$0.1.isNaN }
    let n = rows.count
    let y = Self.standardised(rows.map(\.1))
    let columns = names.indices.map { j in rows.map { $0.0[j] } }
    // Inputs that never varied carry no information and would make the
    // normal equations singular: they get 0 and stay out of the fit.
    let varied = columns.indices.filter { Self.spread(columns[$0]) > 0 }
    guard n >= varied.count + 2 else {
      throw ExperimentsError(
        "sensitivity", "\(n) runs are too few for \(varied.count) varied inputs")
    }
    guard let y else {
      throw ExperimentsError("sensitivity", "the output does not vary")
    }
    let z = varied.map { Self.standardised(columns[$0]) ?? [] }
    let k = z.count
    var matrix = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
    for a in 0..<k {
      for b in 0..<k {
        matrix[a][b] = zip(z[a], z[b]).reduce(0) { $0 + $1.0 * $1.1 }
      }
      matrix[a][k] = zip(z[a], y).reduce(0) { $0 + $1.0 * $1.1 }
    }
    guard let solution = Self.solve(matrix) else {
      throw ExperimentsError("sensitivity", "the varied inputs are collinear")
    }
    var src = [Double](repeating: 0, count: names.count)
    for (slot, column) in varied.enumerated() { src[column] = solution[slot] }
    var residual = 0.0
    for i in 0..<n {
      var fitted = 0.0
      for slot in 0..<k { fitted += solution[slot] * z[slot][i] }
      residual += (y[i] - fitted) * (y[i] - fitted)
    }
    let total = y.reduce(0) { $0 + $1 * $1 }
    coefficients = zip(names, src).map { Coefficient(input: $0, src: $1) }
    rSquared = total > 0 ? 1 - residual / total : 0
    observations = n
  }

  /// The values scaled to mean 0 and sample standard deviation 1; nil when
  /// they do not vary.
  static func standardised(_ values: [Double]) -> [Double]? {
    let summary = SampleSummary(values)
    guard summary.count > 1, summary.sd > 0 else { return nil }
    return values.map { ($0 - summary.mean) / summary.sd }
  }

  static func spread(_ values: [Double]) -> Double {
    guard let low = values.min(), let high = values.max() else { return 0 }
    return high - low
  }

  /// Gaussian elimination with partial pivoting on an augmented k x (k+1)
  /// matrix; nil when it is (numerically) singular.
  static func solve(_ augmented: [[Double]]) -> [Double]? {
    var m = augmented
    let k = m.count
    let scale = (0..<k).map { abs(m[$0][$0]) }.max() ?? 0
    for column in 0..<k {
      guard
        let pivot = (column..<k).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
        abs(m[pivot][column]) > 1e-9 * scale
      else { return nil }
      m.swapAt(column, pivot)
      for row in 0..<k where row != column {
        let factor = m[row][column] / m[column][column]
        if factor == 0 { continue }
        for c in column...k { m[row][c] -= factor * m[column][c] }
      }
    }
    return (0..<k).map { m[$0][k] / m[$0][$0] }
  }
}
