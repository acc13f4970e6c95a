import Scenario

/// Reads JSON text into a `Value`, keeping object keys in document order.
///
/// Foundation's parser returns unordered dictionaries and cannot tell 1
/// from 1.0 or true; results files are compared number for number and
/// shown in the order they were written, so they are read with this one.
/// Integers without fraction or exponent that fit 64 bits are `.integer`,
/// other numbers `.number`.
public struct JSONParser {
  let bytes: [UInt8]
  var position = 0

  /// Parses one JSON document; `location` names it in errors.
  public static func parse(_ text: some Collection<UInt8>, location: String = "")
    throws(RecordingError) -> Value
  {
    var parser = JSONParser(bytes: Array(text))
    let value = try parser.value(location)
    parser.skipSpace()
    guard parser.position == parser.bytes.count else {
      throw RecordingError(location, "unexpected text after the JSON value")
    }
    return value
  }

  public static func parse(_ text: String, location: String = "") throws(RecordingError) -> Value {
    try parse(Array(text.utf8), location: location)
  }

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func skipSpace() {
    while position < bytes.count,
      bytes[position] == 32 || bytes[position] == 10 || bytes[position] == 13
        || bytes[position] == 9
    {
      position += 1
    }
  }

  mutating func value(_ location: String) throws(RecordingError) -> Value {
    skipSpace()
    guard position < bytes.count else { throw RecordingError(location, "unexpected end of JSON") }
    switch bytes[position] {
    case UInt8(ascii: "{"):
      position += 1
      var fields: [(key: String, value: Value)] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(fields)
      }
      while true {
        skipSpace()
        let key = try string(location)
        skipSpace()
        try expect(UInt8(ascii: ":"), location)
        fields.append((key, try value(location)))
        skipSpace()
        if try separator(closing: UInt8(ascii: "}"), location) { return .object(fields) }
      }
    case UInt8(ascii: "["):
      position += 1
      var elements: [Value] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(elements)
      }
      while true {
        elements.append(try value(location))
        skipSpace()
        if try separator(closing: UInt8(ascii: "]"), location) { return .array(elements) }
      }
    case UInt8(ascii: "\""): return .string(try string(location))
    case UInt8(ascii: "t"): return try literal("true", .bool(true), location)
    case UInt8(ascii: "f"): return try literal("false", .bool(false), location)
    case UInt8(ascii: "n"): return try literal("null", .null, location)
    default: return try number(location)
    }
  }

  /// After an element: true at the closing bracket, false after a comma.
  mutating func separator(closing: UInt8, _ location: String) throws(RecordingError) -> Bool {
    guard position < bytes.count else { throw RecordingError(location, "unexpected end of JSON") }
    if bytes[position] == closing {
      position += 1
      return true
    }
    try expect(UInt8(ascii: ","), location)
    return false
  }

  mutating func expect(_ byte: UInt8, _ location: String) throws(RecordingError) {
    guard position < bytes.count, bytes[position] == byte else {
      throw RecordingError(
        location, "expected '\(Character(Unicode.Scalar(byte)))' at byte \(position + 1)")
    }
    position += 1
  }

  mutating func literal(_ word: String, _ value: Value, _ location: String) throws(RecordingError)
    -> Value
  {
    let end = position + word.utf8.count
    guard end <= bytes.count, bytes[position..<end].elementsEqual(word.utf8) else {
      throw RecordingError(location, "invalid JSON at byte \(position + 1)")
    }
    position = end
    return value
  }

  mutating func number(_ location: String) throws(RecordingError) -> Value {
    let start = position
    var integral = true
    while position < bytes.count {
      let c = bytes[position]
      if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        integral = false
      } else if !(c >= 48 && c <= 57) && c != UInt8(ascii: "-") && c != UInt8(ascii: "+") {
        break
      }
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if integral, let i = Int64(text) { return .integer(i) }
    guard let d = Double(text) else {
      throw RecordingError(location, "invalid JSON number '\(text)' at byte \(start + 1)")
    }
    return .number(d)
  }

  mutating func string(_ location: String) throws(RecordingError) -> String {
    try expect(UInt8(ascii: "\""), location)
    var out: [UInt8] = []
    while position < bytes.count {
      let c = bytes[position]
      position += 1
      if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        continue
      }
      guard position < bytes.count else { break }
      let e = bytes[position]
      position += 1
      switch e {
      case UInt8(ascii: "n"): out.append(10)
      case UInt8(ascii: "t"): out.append(9)
      case UInt8(ascii: "r"): out.append(13)
      case UInt8(ascii: "b"): out.append(8)
      case UInt8(ascii: "f"): out.append(12)
      case UInt8(ascii: "u"):
        var scalar = try hex4(location)
        if scalar >= 0xD800, scalar < 0xDC00, position + 1 < bytes.count,
          bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          position += 2
          let low = try hex4(location)
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(character).utf8)
      default: out.append(e)
      }
    }
    throw RecordingError(location, "unterminated JSON string")
  }

  mutating func hex4(_ location: String) throws(RecordingError) -> UInt32 {
    guard position + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw RecordingError(location, "invalid \\u escape at byte \(position + 1)") }
    position += 4
    return v
  }
}

extension Value {
  /// The field `key` of an object (nil for other values or a missing key).
  public subscript(key: String) -> Value? {
    guard case .object(let fields) = self else { return nil }
    return fields.first { $0.key == key }?.value
  }

  /// The elements of an array (nil for other values).
  public var arrayValue: [Value]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The text of a string (nil for other values).
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The value as an integer, when it is a whole number.
  public var integerValue: Int? {
    switch self {
    case .integer(let i): return Int(exactly: i)
    case .number(let d): return d == d.rounded() && abs(d) < 9e15 ? Int(d) : nil
    default: return nil
    }
  }
}
