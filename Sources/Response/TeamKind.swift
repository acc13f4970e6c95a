/// The three kinds of rescue force in the grassroots system: the
/// comprehensive fire rescue service, professional teams and social forces.
public enum Force: String, Sendable, CaseIterable {
  case comprehensive
  case professional
  case social
}

/// What a team is, with the size, skills, conveyance and call-out delay a
/// team of that kind has when a scenario gives none.
///
/// Defaults are planning figures, not measurements: a staffed fire rescue
/// station turns out in about a minute; social forces assemble off duty
/// within half an hour (reference/drill-domain.md, 值班备勤).
public enum TeamKind: String, Sendable, CaseIterable {
  case fireRescue = "fire_rescue"
  case waterRescue = "water_rescue"
  case medical
  case hazmat
  case mine
  case militia
  case reservists
  case microFireStation = "micro_fire_station"
  case propertyStaff = "property_staff"
  case securityGuards = "security_guards"
  case volunteers

  /// Which force the kind belongs to.
  public var force: Force {
    switch self {
    case .fireRescue: return .comprehensive
    case .waterRescue, .medical, .hazmat, .mine: return .professional
    default: return .social
    }
  }

  /// Persons in a team of this kind by default.
  public var defaultSize: Int {
    switch self {
    case .fireRescue, .waterRescue, .hazmat: return 6
    case .mine: return 8
    case .medical: return 3
    case .militia, .reservists: return 20
    case .microFireStation, .propertyStaff, .securityGuards: return 4
    case .volunteers: return 10
    }
  }

  /// Skills a team of this kind brings by default (sorted).
  public var defaultSkills: [String] {
    switch self {
    case .fireRescue: return ["fire", "hazmat", "rescue"]
    case .waterRescue: return ["rescue", "water_rescue"]
    case .medical: return ["medical"]
    case .hazmat: return ["hazmat", "rescue"]
    case .mine: return ["mine", "rescue"]
    case .militia, .reservists: return ["assist", "rescue", "sandbag"]
    case .microFireStation: return ["fire"]
    case .propertyStaff, .securityGuards: return ["assist"]
    case .volunteers: return ["assist", "sandbag"]
    }
  }

  /// How a team of this kind travels by default.
  public var defaultConveyance: Conveyance {
    switch self {
    case .waterRescue: return .boat
    case .propertyStaff, .securityGuards: return .foot
    default: return .car
    }
  }

  /// Seconds from the call to leaving the station while on duty.
  public var defaultOnDutyCallOut: Double {
    switch self {
    case .fireRescue, .microFireStation: return 60
    case .waterRescue, .medical, .hazmat: return 120
    case .mine: return 300
    case .propertyStaff, .securityGuards: return 180
    case .militia, .reservists, .volunteers: return 600
    }
  }

  /// Seconds from the call to leaving the station while off duty.
  public var defaultOffDutyCallOut: Double {
    switch force {
    case .comprehensive: return 60
    case .professional: return 900
    case .social: return 1800
    }
  }
}
