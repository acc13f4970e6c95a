import SimKernel

/// Sim time as the scenario's local wall-clock time.
///
/// A scenario's `start` is ISO 8601 with an offset
/// ("2026-07-21T02:00:00+02:00"); replays and reports show times in that
/// offset, the time the drill's people lived it, whatever the viewer's own
/// time zone. Plain integer calendar arithmetic, so every tool (and the
/// viewer's script, which uses the same rule) prints the same text.
public struct ScenarioClock: Sendable, Equatable {
  /// The start's local wall time as seconds since 1970-01-01T00:00 (local),
  /// or nil without a usable start.
  public let startLocal: Int64?
  /// "+02:00", "Z", or "" without a start.
  public let offset: String

  public init(start: String?) {
    guard let start, let parsed = Self.parse(start) else {
      startLocal = nil
      offset = ""
      return
    }
    startLocal = parsed.local
    offset = parsed.offset
  }

  /// "2026-07-21 02:45:00" (local), or "T+00:45:00" without a start.
  public func text(at time: SimTime) -> String {
    let seconds = Int64((Double(time.ms) / 1000).rounded(.down))
    guard let startLocal else { return "T+" + Self.elapsed(seconds) }
    let t = startLocal + seconds
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let secondOfDay = t - days * 86_400
    let (y, m, d) = Self.civil(days: days)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2)) " + Self.hms(secondOfDay)
  }

  /// "01:05:00" for 3900 s; hours keep counting past 24.
  public static func elapsed(_ seconds: Int64) -> String {
    (seconds < 0 ? "-" : "") + hms(abs(seconds))
  }

  static func hms(_ s: Int64) -> String {
    "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
  }

  /// Local seconds and offset text of "YYYY-MM-DDThh:mm[:ss][.fff](Z|±hh:mm)".
  static func parse(_ text: String) -> (local: Int64, offset: String)? {
    let chars = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int64? {
      guard from + count <= chars.count else { return nil }
      var v: Int64 = 0
      for c in chars[from..<from + count] {
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int64(c - 48)
      }
      return v
    }
    guard chars.count >= 16, let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
      let h = number(11, 2), let mi = number(14, 2), (1...12).contains(mo), (1...31).contains(d)
    else { return nil }
    var rest = 16
    var s: Int64 = 0
    if rest < chars.count, chars[rest] == UInt8(ascii: ":"), let sec = number(rest + 1, 2) {
      s = sec
      rest += 3
    }
    while rest < chars.count,
      chars[rest] == UInt8(ascii: ".") || (chars[rest] >= 48 && chars[rest] <= 57)
    {
      rest += 1
    }
    let offset = String(decoding: chars[rest...], as: UTF8.self)
    return (days(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s, offset)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  ///
  /// Howard Hinnant's days-from-civil algorithm.
  static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date of a day number (inverse of `days`).
  static func civil(days z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

private func pad(_ v: Int64, _ width: Int) -> String {
  let text = String(v)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
