/// A streaming scanner over the tags of a simple XML document (OSM XML).
///
/// OSM XML is flat and regular: elements with attributes, no mixed content
/// that matters. A general XML parser would build strings for every
/// attribute of 60 000 nodes; this scanner walks the bytes of a chunk
/// buffer, keeps attribute positions, and decodes only what the caller asks
/// for. It tracks line numbers and open elements, so a truncated or
/// ill-nested file throws a `MapError` with the line.
final class XMLTagScanner {
  /// What the scanner found.
  enum Event {
    /// A start tag; `selfClosing` for `<x ... />`.
    case start(selfClosing: Bool)
    case end
    case finished
  }

  private let reader: ChunkedFileReader
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEndOfFile = false
  private static let chunkSize = 1 << 18

  /// The 1-based line the current tag starts on.
  private(set) var line = 1
  private var scannedLine = 1
  private var openElements: [(name: [UInt8], line: Int)] = []
  private var sawRoot = false

  /// The current tag's name bytes.
  private(set) var name: ArraySlice<UInt8> = []
  private var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []

  var path: String { reader.path }

  init(reader: ChunkedFileReader) {
    self.reader = reader
  }

  /// Advances to the next start or end tag.
  func next() throws(MapError) -> Event {
    while true {
      guard let lessThan = try find(UInt8(ascii: "<"), from: position) else {
        if let open = openElements.last {
          throw MapError(
            file: path, .line(scannedLine),
            "the file ends inside <\(String(decoding: open.name, as: UTF8.self))> "
              + "opened on line \(open.line) (truncated?)")
        }
        guard sawRoot else { throw MapError(file: path, .line(scannedLine), "no XML element") }
        return .finished
      }
      countLines(upTo: lessThan)
      position = lessThan  // the anchor: refills never drop bytes from here on
      line = scannedLine
      guard let lookahead = try byte(afterPosition: 1) else { throw truncated() }
      if lookahead == UInt8(ascii: "!") {
        // Comment, CDATA or DOCTYPE: skip to the terminator.
        let isComment = try byte(afterPosition: 2) == UInt8(ascii: "-")
        let terminator = isComment ? Array("-->".utf8) : Array(">".utf8)
        guard let end = try find(sequence: terminator, from: position + 2) else {
          throw truncated()
        }
        countLines(upTo: end)
        position = end + terminator.count
        continue
      }
      guard let greaterThan = try find(UInt8(ascii: ">"), from: position + 1) else {
        throw truncated()
      }
      let tagStart = position
      position = greaterThan + 1
      if lookahead == UInt8(ascii: "?") {
        countLines(upTo: greaterThan)
        continue
      }
      if lookahead == UInt8(ascii: "/") {
        name = buffer[(tagStart + 2)..<nameEnd(from: tagStart + 2, limit: greaterThan)]
        countLines(upTo: greaterThan)
        guard let open = openElements.popLast(), open.name.elementsEqual(name) else {
          throw MapError(
            file: path, .line(line),
            "unexpected </\(String(decoding: name, as: UTF8.self))>")
        }
        return .end
      }
      let selfClosing = buffer[greaterThan - 1] == UInt8(ascii: "/")
      let contentEnd = selfClosing ? greaterThan - 1 : greaterThan
      let end = nameEnd(from: tagStart + 1, limit: contentEnd)
      name = buffer[(tagStart + 1)..<end]
      if name.isEmpty { throw MapError(file: path, .line(line), "a tag without a name") }
      try parseAttributes(from: end, to: contentEnd)
      countLines(upTo: greaterThan)
      if openElements.isEmpty && sawRoot {
        throw MapError(file: path, .line(line), "content after the root element")
      }
      sawRoot = true
      if !selfClosing { openElements.append((Array(name), line)) }
      return .start(selfClosing: selfClosing)
    }
  }

  /// Whether the current tag's name is `expected`.
  func isNamed(_ expected: StaticString) -> Bool {
    guard name.count == expected.utf8CodeUnitCount else { return false }
    return expected.withUTF8Buffer { name.elementsEqual($0) }
  }

  /// The decoded value of an attribute of the current start tag.
  ///
  /// Bytes that are not UTF-8 are an error, not replacement characters: a
  /// Latin-1 extract would otherwise import with names silently mangled.
  func attribute(_ key: StaticString) throws(MapError) -> String? {
    guard let range = valueRange(key) else { return nil }
    guard let text = String(validating: buffer[range], as: UTF8.self) else {
      throw MapError(
        file: path, .line(line),
        "attribute \(key) of <\(String(decoding: name, as: UTF8.self))> is not valid UTF-8"
          + " (OSM XML is UTF-8; convert the file)")
    }
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    return XMLTagScanner.decodeEntities(text)
  }

  /// An attribute parsed as an integer, without building a string.
  func integerAttribute(_ key: StaticString) -> Int64? {
    guard let range = valueRange(key), !range.isEmpty else { return nil }
    var value: Int64 = 0
    var index = range.lowerBound
    let negative = buffer[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    guard index < range.upperBound else { return nil }
    while index < range.upperBound {
      let digit = buffer[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int64(digit)
      index += 1
    }
    return negative ? -value : value
  }

  /// An attribute parsed as a floating-point number.
  func doubleAttribute(_ key: StaticString) -> Double? {
    guard let range = valueRange(key) else { return nil }
    return Double(String(decoding: buffer[range], as: UTF8.self))
  }

  private func valueRange(_ key: StaticString) -> Range<Int>? {
    key.withUTF8Buffer { keyBytes in
      for attribute in attributeRanges
      where buffer[attribute.name].elementsEqual(keyBytes) {
        return attribute.value
      }
      return nil
    }
  }

  private func parseAttributes(from start: Int, to end: Int) throws(MapError) {
    attributeRanges.removeAll(keepingCapacity: true)
    var index = start
    while true {
      while index < end, Self.isSpace(buffer[index]) { index += 1 }
      if index >= end { return }
      let nameStart = index
      while index < end, buffer[index] != UInt8(ascii: "="), !Self.isSpace(buffer[index]) {
        index += 1
      }
      let nameRange = nameStart..<index
      while index < end, Self.isSpace(buffer[index]) { index += 1 }
      guard index < end, buffer[index] == UInt8(ascii: "=") else { throw malformed() }
      index += 1
      while index < end, Self.isSpace(buffer[index]) { index += 1 }
      guard index < end else { throw malformed() }
      let quote = buffer[index]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw malformed() }
      let valueStart = index + 1
      index = valueStart
      while index < end, buffer[index] != quote { index += 1 }
      guard index < end else { throw malformed() }
      attributeRanges.append((nameRange, valueStart..<index))
      index += 1
    }
  }

  private func malformed() -> MapError {
    MapError(
      file: path, .line(line),
      "malformed attributes in <\(String(decoding: name, as: UTF8.self))>")
  }

  private func truncated() -> MapError {
    MapError(file: path, .line(scannedLine), "the file ends inside a tag (truncated?)")
  }

  private func nameEnd(from start: Int, limit: Int) -> Int {
    var index = start
    while index < limit, !Self.isSpace(buffer[index]), buffer[index] != UInt8(ascii: "/") {
      index += 1
    }
    return index
  }

  private func countLines(upTo end: Int) {
    // Count only bytes not counted before.
    var index = max(position, lineScanStart)
    while index < end {
      if buffer[index] == UInt8(ascii: "\n") { scannedLine += 1 }
      index += 1
    }
    lineScanStart = max(lineScanStart, end)
  }

  private var lineScanStart = 0

  private func byte(afterPosition offset: Int) throws(MapError) -> UInt8? {
    while position + offset >= buffer.count {
      if !(try refill()) { return nil }
    }
    return buffer[position + offset]
  }

  private func find(_ target: UInt8, from start: Int) throws(MapError) -> Int? {
    var index = start
    while true {
      while index < buffer.count {
        if buffer[index] == target { return index }
        index += 1
      }
      let shift = try refillShifting()
      guard let shift else { return nil }
      index -= shift
    }
  }

  private func find(sequence: [UInt8], from start: Int) throws(MapError) -> Int? {
    var index = start
    while true {
      while index + sequence.count <= buffer.count {
        if buffer[index] == sequence[0],
          buffer[index..<(index + sequence.count)].elementsEqual(sequence)
        {
          return index
        }
        index += 1
      }
      let shift = try refillShifting()
      guard let shift else { return nil }
      index -= shift
    }
  }

  /// Reads another chunk and reports how far existing indices moved back.
  ///
  /// Returns nil at the end of the file. Callers holding indices subtract the shift.
  private func refillShifting() throws(MapError) -> Int? {
    let before = position
    guard try refill() else { return nil }
    return before - position
  }

  /// Drops consumed bytes and appends a chunk; false at the end of the file.
  private func refill() throws(MapError) -> Bool {
    if atEndOfFile { return false }
    let consumed = min(position, lineScanStart)
    if consumed > 0 {
      buffer.removeFirst(consumed)
      position -= consumed
      lineScanStart -= consumed
    }
    let oldCount = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
    var failure: MapError?
    let read = buffer.withUnsafeMutableBytes { raw -> Int in
      do throws(MapError) {
        return try reader.read(
          into: UnsafeMutableRawBufferPointer(rebasing: raw[oldCount...]), line: scannedLine)
      } catch {
        failure = error
        return 0
      }
    }
    if let failure { throw failure }
    buffer.removeLast(Self.chunkSize - read)
    if read == 0 { atEndOfFile = true }
    return read > 0
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  /// Replaces the five predefined XML entities and numeric references.
  static func decodeEntities(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
      let entity = rest[rest.index(after: amp)..<semicolon]
      switch entity {
      case "amp": result += "&"
      case "lt": result += "<"
      case "gt": result += ">"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        let scalar: UInt32? =
          entity.hasPrefix("#x")
          ? UInt32(entity.dropFirst(2), radix: 16)
          : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
        if let scalar, let character = Unicode.Scalar(scalar) {
          result.unicodeScalars.append(character)
        } else {
          result += "&" + entity + ";"
        }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
