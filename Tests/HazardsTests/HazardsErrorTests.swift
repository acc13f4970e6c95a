import Hazards
import Testing

@Suite struct HazardsErrorTests {
  @Test func descriptionNamesTheLocation() {
    #expect(HazardsError("fuel.asc:3", "bad value").description == "fuel.asc:3: bad value")
    #expect(HazardsError("", "bad value").description == "bad value")
  }
}
