extension FloodBreach {
  /// Longest sub-step (s) of the breach's own integration.
  ///
  /// The grid's step can be long while the floodplain is dry (up to the
  /// solver's maximum step); the reservoir equation is integrated in pieces
  /// no longer than this, which keeps fourth-order error far below what the
  /// weir law itself can claim.
  static let maxSubstep = 5.0

  /// The volume (m3) that leaves through the breach over [t0, t1] onto a
  /// cell of `cellArea` m2 whose water level is `tailwater` at t0; updates
  /// the reservoir and the totals.
  ///
  /// A reservoir's outflow is the fourth-order Runge-Kutta quadrature of
  /// `dV/dt = Q_in − Q(V, t)`, its inflow the hydrograph's exact integral,
  /// and the new volume is the old plus one minus the other, so whatever
  /// leaves the reservoir is exactly what the grid receives. A river's
  /// outflow is Simpson's rule over the stage. The tailwater is held for
  /// the step; what one step delivers never lifts the cell above the water
  /// behind the breach, so the explicit coupling cannot overshoot.
  func release(from t0: Double, to t1: Double, tailwater: Double, cellArea: Double) -> Double {
    guard t1 > t0 else { return 0 }
    let pieces = max(1, Int(((t1 - t0) / Self.maxSubstep).rounded(.up)))
    let h = (t1 - t0) / Double(pieces)
    var cap = max(0, upstreamLevel(at: t0) - tailwater) * cellArea
    var total = 0.0
    for piece in 0..<pieces {
      let a = t0 + Double(piece) * h
      let b = piece == pieces - 1 ? t1 : a + h
      let out: Double
      if var pool = reservoir {
        out = min(cap, step(&pool, from: a, to: b, tailwater: tailwater))
        let received = pool.inflow?.integral(from: a, to: b) ?? 0
        pool.inflowVolume += received
        pool.volume += received - out
        reservoir = pool
      } else if let riverStage {
        let middle = 0.5 * (a + b)
        let q0 = discharge(at: a, upstream: riverStage.value(at: a), tailwater: tailwater)
        let q1 = discharge(at: middle, upstream: riverStage.value(at: middle), tailwater: tailwater)
        let q2 = discharge(at: b, upstream: riverStage.value(at: b), tailwater: tailwater)
        out = min(cap, (b - a) / 6 * (q0 + 4 * q1 + q2))
      } else {
        out = 0
      }
      cap -= out
      total += out
    }
    released += total
    lastOutflow = total / (t1 - t0)
    return total
  }

  /// The reservoir's outflow volume over [a, b] by one Runge-Kutta step,
  /// never more than what stands above the invert and the tailwater.
  private func step(
    _ pool: inout FloodReservoir, from a: Double, to b: Double, tailwater: Double
  ) -> Double {
    let h = b - a
    let middle = a + 0.5 * h
    let v0 = pool.volume
    let storage = pool.storage
    func inflow(_ t: Double) -> Double { pool.inflow?.value(at: t) ?? 0 }
    func outflow(_ t: Double, _ v: Double) -> Double {
      discharge(at: t, upstream: storage.level(forVolume: v), tailwater: tailwater)
    }
    let q1 = outflow(a, v0)
    let q2 = outflow(middle, v0 + 0.5 * h * (inflow(a) - q1))
    let q3 = outflow(middle, v0 + 0.5 * h * (inflow(middle) - q2))
    let q4 = outflow(b, v0 + h * (inflow(middle) - q3))
    let out = h / 6 * (q1 + 2 * q2 + 2 * q3 + q4)
    let received = pool.inflow?.integral(from: a, to: b) ?? 0
    let floor = storage.volume(at: max(invert(at: b), tailwater))
    return max(0, min(out, v0 + received - floor))
  }
}
