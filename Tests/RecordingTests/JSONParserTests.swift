import Recording
import Scenario
import Testing

/// JSON read back keeps key order, integer-ness and every character.
@Suite struct JSONParserTests {
  @Test func roundTripsWhatJSONTextWrites() throws {
    let value = Value.object([
      ("z", .integer(-3)), ("a", .number(0.1)), ("name", .string("低洼村 \"<x>\"\n\u{1F600}")),
      ("list", .array([.bool(true), .null, .number(1e-7)])),
    ])
    #expect(try JSONParser.parse(JSONText.encode(value)) == value)
  }

  @Test func badTextNamesTheLocation() {
    #expect {
      _ = try JSONParser.parse("{\"a\":", location: "x.json:3")
    } throws: { "\($0)".hasPrefix("x.json:3") }
  }
}
