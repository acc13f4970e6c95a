/// A level of the reporting chain: village -> township -> county.
public enum ReportLevel: String, Sendable, CaseIterable {
  case village
  case township
  case county
}

/// Which report: the first (初报), a follow-up (续报) or the final (终报).
public enum ReportStage: String, Sendable, CaseIterable {
  case first
  case followUp = "follow_up"
  case final
}

/// A deadline rule of the reporting chain.
///
/// First reports are due `within` seconds of the occurrence; follow-ups
/// are due `within` seconds after it and then every `every` seconds while
/// the event is open; the final report is due `within` seconds after the
/// event is closed.
public struct ReportRule: Sendable, Equatable {
  public var level: ReportLevel
  public var stage: ReportStage
  public var within: Double
  /// Follow-up interval, seconds (follow-ups only).
  public var every: Double?

  public init(level: ReportLevel, stage: ReportStage, within: Double, every: Double? = nil) {
    self.level = level
    self.stage = stage
    self.within = within
    self.every = every
  }

  /// Planning defaults (reference/drill-domain.md §1.4): the village
  /// reports within 10 min, the township's first report is due within
  /// 20 min with follow-ups hourly and a final report within 24 h of the
  /// close, and the county reports up within 2 h.
  public static let defaults: [ReportRule] = [
    ReportRule(level: .village, stage: .first, within: 600),
    ReportRule(level: .township, stage: .first, within: 1_200),
    ReportRule(level: .township, stage: .followUp, within: 3_600, every: 3_600),
    ReportRule(level: .township, stage: .final, within: 86_400),
    ReportRule(level: .county, stage: .first, within: 7_200),
  ]
}
