import Recording

/// The viewer's interface strings in Chinese and English.
///
/// Names from the map and the scenario are shown as they are (UTF-8); only
/// the interface is translated, from this one table, so adding a count
/// means adding its two labels here.
enum ReplayLabels {
  static let table: [(key: String, zh: String, en: String)] = [
    ("closed", "封闭路段", "closed links"),
    ("wet", "淹没网格", "flooded cells"),
    ("max_depth_cm", "最大水深 (cm)", "max depth (cm)"),
    ("burned", "过火网格", "burned cells"),
    ("state.not_warned", "未预警", "not warned"),
    ("state.warned", "已预警", "warned"),
    ("state.acknowledged", "已叫应", "acknowledged"),
    ("state.moving", "转移中", "moving"),
    ("state.safe", "已安置", "safe"),
    ("state.exposed", "受困", "exposed"),
    ("shelter_occupants", "安置人数", "sheltered"),
    ("shelter_capacity", "安置容量", "shelter capacity"),
    ("teams", "救援队伍", "teams"),
    ("outages", "中断", "outages"),
    ("events", "事件", "events"),
    ("play", "播放", "play"),
    ("pause", "暂停", "pause"),
    ("speed", "速度", "speed"),
  ]

  /// `{"en":{...},"zh":{...}}` for the viewer.
  static var json: String {
    var en: [(key: String, value: Value)] = []
    var zh: [(key: String, value: Value)] = []
    for row in table {
      en.append((row.key, .string(row.en)))
      zh.append((row.key, .string(row.zh)))
    }
    return JSONText.encode(.object([("en", .object(en)), ("zh", .object(zh))]))
  }
}
