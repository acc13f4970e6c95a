import Foundation
import Testing

/// Every malformed input in `Corpus/malformed/`: exit code 2 with the
/// file and line or feature its case.txt names, within a deadline, never a
/// signal, and nothing written beside the inputs (no result claiming
/// success, no half-written map or grid).
@Suite struct MalformedCorpusTests {
  @Test func corpusCoversTheInputSuite() throws {
    #expect(try CorpusCase.malformed().count >= 40)
  }

  @Test(arguments: try CorpusCase.malformed())
  func malformedInputIsRejected(_ item: CorpusCase) throws {
    let folder = try CommandLine.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let work = folder.appendingPathComponent("case")
    try FileManager.default.copyItem(at: item.url, to: work)
    for generator in item.generators {
      try CorpusInput.generate(generator, in: work)
    }
    let before = try ResultFolder.files(work)
    let bounded = try CommandLine.run(item.arguments, in: work, timeout: 60)
    let result = bounded.result
    #expect(!bounded.timedOut, "\(item): still running after 60 s")
    #expect(!result.crashed, "\(item): killed by a signal: \(result.stderr)")
    #expect(result.status == item.status, "\(item): \(result.stderr)")
    for fragment in item.fragments {
      #expect(result.stderr.contains(fragment), "\(item): \(result.stderr)")
    }
    #expect(try ResultFolder.files(work) == before, "\(item) wrote files")
  }
}
