extension FloodSolver {
  /// Sets the q-centred weight and the Courant factor from the next step on.
  ///
  /// Both are read afresh at every step, so a run may change them at any
  /// time; the rest of the parameters shape the solver's buffers and stay.
  public func setScheme(theta: Double, alpha: Double) throws {
    var changed = parameters
    changed.theta = theta
    changed.alpha = alpha
    try changed.validate()
    parameters = changed
  }

  /// Advances to exactly `target` seconds in as many steps as stability needs.
  ///
  /// Does nothing when `target` is not after the current time, so a
  /// discrete-event loop can call it at every event.
  public func advance(to target: Double) {
    while time < target { step(until: target) }
  }

  /// Takes one step, no longer than stability allows and not past `limit`;
  /// returns the new time.
  ///
  /// Edge faces first, then one sweep over the spans that computes each
  /// span's east and south faces and then limits its cells' outflow (their
  /// west and north faces are final by then: memory order), and a row
  /// behind, updates depths. Rain, inflows and breaches add water between the
  /// limiter and continuity, so with any of them the depths get a sweep of
  /// their own after the sources, as the scheme has it.
  @discardableResult public func step(until limit: Double = .infinity) -> Double {
    var dt = stableTimeStep()
    let end: Double
    if time + dt >= limit {
      dt = limit - time
      end = limit
    } else {
      end = time + dt
    }
    guard dt > 0 else { return time }
    swap(&qx, &qxPrevious)
    swap(&qy, &qyPrevious)
    let update = FaceUpdate(
      threshold: parameters.depthThreshold, maxFlowDepth: parameters.maxFlowDepth,
      gravityStep: parameters.gravity * dt, inverseCellSize: 1 / grid.cellSize,
      theta: parameters.theta, centred: parameters.theta < 1,
      twoDimensional: parameters.twoDimensionalFriction)
    updateBoundaryFaces(update, at: time)
    let sourced = rain != nil || !inflows.isEmpty || !breaches.isEmpty
    cellUpdates += activeCount
    let wet = sweep(update, dt: dt, depths: !sourced)
    boundaryVolume += boundaryInflow() * dt * grid.cellSize
    if sourced {
      if applySources(from: time, to: end) {
        wetCellUpdates += updateAllDepths(dt: dt)
      } else {
        wetCellUpdates += updateSpanDepths(dt: dt)
      }
    } else {
      wetCellUpdates += wet
    }
    finishSpans()
    time = end
    steps += 1
    lastTimeStep = dt
    return time
  }

  /// `alpha dx / sqrt(g h_max)`, capped by the maximum step.
  func stableTimeStep() -> Double {
    let deepest = max(self.deepest, levelBoundaryDepth(at: time))
    guard deepest > parameters.depthThreshold else { return parameters.maxTimeStep }
    let step = parameters.alpha * grid.cellSize / (parameters.gravity * deepest).squareRoot()
    return min(step, parameters.maxTimeStep)
  }

  /// Continuity over the spans alone (sources fell only on pinned cells,
  /// which are in them); returns the wet count.
  func updateSpanDepths(dt: Double) -> Int {
    var runs = wetRuns
    wetRuns = []
    runs.removeAll(keepingCapacity: true)
    var deepest = 0.0
    let wet = spans.withUnsafeBufferPointer {
      updateDepths(
        spans: $0, from: 0, to: $0.count, factor: dt / grid.cellSize, runs: &runs,
        deepest: &deepest)
    }
    self.deepest = deepest
    wetRuns = runs
    return wet
  }
}
