import LuaHost
import Response
import Scenario
import SimKernel

/// `sim.reports.rules/open/close` and `sim.report{}`: the reporting chain.
extension LuaScenario {
  func bindReports(_ bind: (StaticString, String, @escaping LuaState.Function) -> Void) {
    bind("sim.reports.rules", "reports_rules") { [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireResponse(call)
      guard let items = call.value(at: 1).arrayElements else {
        throw call.argumentError(1, "list of {level =, stage =, within =, every =} expected")
      }
      var rules: [ReportRule] = []
      for (n, item) in items.enumerated() {
        guard case .table(let entries) = item else {
          throw call.argumentError(1, "rule \(n + 1) must be a table")
        }
        func field(_ key: String) -> LuaValue? { entries.first { $0.key == .string(key) }?.value }
        guard case .string(let levelName)? = field("level"),
          let level = ReportLevel(rawValue: levelName),
          case .string(let stageName)? = field("stage"),
          let stage = ReportStage(rawValue: stageName),
          let within = field("within")?.numeric
        else {
          throw call.argumentError(
            1,
            "rule \(n + 1) needs level (village|township|county), stage"
              + " (first|follow_up|final) and within (seconds)")
        }
        rules.append(
          ReportRule(level: level, stage: stage, within: within, every: field("every")?.numeric))
      }
      try self.modelCall(call) { try model.useReportRules(rules) }
      return 0
    }
    bind("sim.reports.open", "reports_open") { [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireResponse(call)
      let id = try call.checkString(1)
      let now = self.simulator.now.seconds
      let occurred = try call.optionalNumber(2) ?? now
      guard occurred <= now, let time = SimTime(seconds: occurred) else {
        throw call.argumentError(2, "occurrence time not after sim.now() expected")
      }
      try self.modelCall(call) { try model.reports.open(id, at: time) }
      self.sink.record(
        at: self.simulator.now, kind: "report.opened",
        fields: [("event", .string(id)), ("occurred", .number(occurred))])
      return 0
    }
    bind("sim.reports.close", "reports_close") { [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireResponse(call)
      let id = try call.checkString(1)
      try self.modelCall(call) { try model.reports.close(id, at: self.simulator.now) }
      self.sink.record(
        at: self.simulator.now, kind: "report.closed", fields: [("event", .string(id))])
      return 0
    }
    bind("sim.report", "reports_submit") { [unowned(unsafe) self] call throws(LuaCallError) in
      let model = try self.requireResponse(call)
      try self.optionTable(call, known: ["event", "level", "stage"])
      let event = try self.stringField(call, "event", required: true) ?? ""
      let levelName = try self.stringField(call, "level") ?? "township"
      let stageName = try self.stringField(call, "stage") ?? "first"
      guard let level = ReportLevel(rawValue: levelName) else {
        throw call.argumentError(1, "field 'level' must be village, township or county")
      }
      guard let stage = ReportStage(rawValue: stageName) else {
        throw call.argumentError(1, "field 'stage' must be first, follow_up or final")
      }
      let now = self.simulator.now
      let due: SimTime?
      due = try self.modelCall(call) {
        try model.reports.submit(event, level: level, stage: stage, at: now)
      }
      var fields: [(key: String, value: Value)] = [
        ("event", .string(event)), ("level", .string(levelName)), ("stage", .string(stageName)),
      ]
      if let due {
        fields.append(("due", .number(due.seconds)))
        fields.append(("on_time", .bool(now <= due)))
      }
      self.sink.record(at: now, kind: "report", fields: fields)
      guard let due else {
        call.pushNil()
        return 1
      }
      call.push(boolean: now <= due)
      call.push(number: due.seconds)
      return 2
    }
  }
}
