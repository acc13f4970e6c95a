import Reports
import Testing

/// Charts draw every series they are given, escaped, in every kind.
@Suite struct SVGChartTests {
  @Test(arguments: [SVGChart.Kind.line, .step, .bar])
  func drawsEachKind(kind: SVGChart.Kind) {
    let chart = SVGChart(
      kind: kind, title: "fill <a&b>", xLabel: "minutes", yLabel: "persons",
      series: [.init(name: "s1", points: [(0, 1), (1, 4), (2, 3)])], labels: ["x", "y", "z"])
    let svg = chart.svg()
    #expect(svg.hasPrefix("<svg class=\"chart\""))
    #expect(svg.hasSuffix("</svg>"))
    #expect(svg.contains("fill &lt;a&amp;b&gt;"))
    #expect(!svg.contains("<a&b>"))
    if kind == .bar {
      #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
    } else {
      #expect(svg.contains("<path d=\"M"))
    }
  }

  @Test func escapesMarkupAndScriptEnds() {
    #expect(
      HTMLText.escape("<b>\"Tom\" & 'Jerry'</b>")
        == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    #expect(
      HTMLText.scriptJSON("{\"n\":\"</script><!--\"}") == "{\"n\":\"\\u003c/script>\\u003c!--\"}")
  }
}
