import Recording

/// replay.html: the run's frames, map and events with a viewer, in one
/// self-contained file that works offline.
///
/// The frames' own JSON lines are embedded as they are (the viewer reads
/// the same format as every other reader), next to the numbers of each
/// frame as `FrameSummary` computes them, so the browser shows exactly
/// what `drillsim replay --at` prints.
public struct ReplayDocument {
  public let archive: RunArchive
  /// At most this many events go in the list (events.jsonl holds notable
  /// events only, but a sweep-sized run could still hold many).
  public var eventLimit = 5000

  public init(archive: RunArchive) { self.archive = archive }

  /// The whole document; throws when the run recorded no frames.
  public func html() throws(RecordingError) -> String {
    guard let frames = try archive.frames() else {
      throw RecordingError(
        archive.folder.url.path,
        "no frames.jsonl: run the scenario with frames (the default; see --frame-interval)")
    }
    let clock = ScenarioClock(start: frames.header.start)
    let scenario = frames.header.scenario
    var json = "{\"header\":" + frames.headerText + ",\"frames\":["
    var countKeys: [String] = []
    var summaries = "["
    var previous: FrameSnapshot?
    for n in frames.entries.indices {
      if n > 0 {
        json += ","
        summaries += ","
      }
      json += frames.lineText(n)
      let frame = try frames.decodeNext(n, previous: previous)
      previous = frame
      let summary = FrameSummary(frame: frame, at: frame.time, clock: clock)
      var fields: [(key: String, value: Value)] = [("clock", .string(summary.clock))]
      fields.append(("counts", .object(summary.counts.map { ($0.key, .integer(Int64($0.value))) })))
      for c in summary.counts where !countKeys.contains(c.key) { countKeys.append(c.key) }
      summaries += JSONText.encode(.object(fields))
    }
    json += "],\"summaries\":" + summaries + "]"
    json += ",\"countKeys\":" + JSONText.encode(.array(countKeys.map { .string($0) }))
    let events = try archive.events().prefix(eventLimit).map { event -> Value in
      .array([.number(event.time), .string(event.kind), .string(event.detail)])
    }
    json += ",\"events\":" + JSONText.encode(.array(events))
    json += ",\"startLocal\":" + (clock.startLocal.map { String($0) } ?? "null")
    let end = max(
      frames.header.duration?.seconds ?? 0, frames.entries.last?.time.seconds ?? 0)
    json += ",\"end\":" + HTMLText.number(end)
    json += ",\"labels\":" + ReplayLabels.json + "}"
    var out = "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    out += "<title>\(HTMLText.escape(scenario)) replay 回放</title>"
    out += "<style>\(Self.style)</style></head><body>"
    out += "<header><h1>\(HTMLText.escape(scenario))</h1>"
    out += "<span id=\"clock\"></span> <span id=\"elapsed\"></span>"
    if let start = frames.header.start {
      out +=
        " <span id=\"offset\">(\(HTMLText.escape(clock.offset.isEmpty ? start : clock.offset)))</span>"
    }
    out += "<button id=\"lang\">English</button></header>"
    out +=
      "<main><canvas id=\"map\"></canvas><aside><div id=\"counts\"></div><div id=\"shelters\"></div>"
    out += "<h2 data-label=\"events\">events</h2><ol id=\"events\"></ol></aside></main>"
    out += "<footer><button id=\"play\" data-label=\"play\">play</button>"
    out += "<label><span data-label=\"speed\">speed</span> <select id=\"speed\">"
    for (value, text) in [(10, "10×"), (60, "60×"), (300, "300×"), (900, "900×")] {
      out += "<option value=\"\(value)\"\(value == 60 ? " selected" : "")>\(text)</option>"
    }
    out +=
      "</select></label><input id=\"timeline\" type=\"range\" min=\"0\" step=\"1\" value=\"0\">"
    out += "</footer><pre id=\"errors\"></pre><pre id=\"state\" hidden></pre>"
    out += "<script id=\"drillsim-data\" type=\"application/json\">"
    out += HTMLText.scriptJSON(json)
    out += "</script><script>" + ReplayScript.text + "</script></body></html>\n"
    return out
  }

  static let style = """
    *{box-sizing:border-box}body{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;\
    display:flex;flex-direction:column;height:100vh;color:#222}
    header,footer{display:flex;gap:12px;align-items:center;padding:6px 12px;background:#f0eee8}
    header h1{font-size:18px;margin:0}#clock{font:600 18px monospace}#elapsed{font-family:monospace}
    main{flex:1;display:flex;min-height:0}canvas{flex:1;min-width:0;height:100%}
    aside{width:360px;overflow:auto;padding:8px;border-left:1px solid #ccc;font-size:13px}
    .count{display:flex;justify-content:space-between}.count-value{font-family:monospace;font-weight:600}
    #events{padding-left:0;list-style:none}#events li{cursor:pointer;padding:2px 0;color:#999}
    #events li.past{color:#222}#timeline{flex:1}#errors{color:#c00;margin:0}
    aside h2{font-size:14px;margin:8px 0 4px}
    """
}

extension FrameReader {
  /// Frame `n` decoded after frame `n - 1` (`previous`), for one pass in order.
  func decodeNext(_ n: Int, previous: FrameSnapshot?) throws(RecordingError) -> FrameSnapshot {
    n == 0 || previous == nil ? try frame(index: n) : try frame(after: previous, index: n)
  }
}
