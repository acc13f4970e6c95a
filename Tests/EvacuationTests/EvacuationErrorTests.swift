import Evacuation
import Testing

@Suite("Evacuation errors")
struct EvacuationErrorTests {
  @Test("the message names the field at fault")
  func namesLocation() {
    #expect(
      EvacuationError("zones[2].walk_speed", "must be positive").description
        == "zones[2].walk_speed: must be positive")
    #expect(EvacuationError("", "no shelters").description == "no shelters")
  }
}
