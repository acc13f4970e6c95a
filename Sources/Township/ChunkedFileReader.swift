import CZlib
import Foundation

/// Reads a file in chunks, transparently gunzipping `.gz` files through zlib.
///
/// OSM extracts are large and compressed; reading them a chunk at a time
/// keeps memory bounded by the chunk plus what the caller keeps, and the
/// same reader serves plain and gzip files (zlib's gz* functions also pass
/// uncompressed files through).
final class ChunkedFileReader {
  let path: String
  private let file: gzFile

  /// Opens the file for reading.
  init(path: String) throws(MapError) {
    self.path = path
    guard let opened = gzopen(path, "rb") else {
      throw MapError(file: path, .whole, "cannot open the file")
    }
    file = opened
    gzbuffer(file, 1 << 17)
  }

  deinit { gzclose(file) }

  /// Reads up to `buffer.count` bytes; returns 0 at the end of the file.
  ///
  /// A damaged or truncated gzip stream throws (zlib reports it as an
  /// "unexpected end of file" or a data error) rather than ending quietly.
  func read(into buffer: UnsafeMutableRawBufferPointer, line: Int) throws(MapError) -> Int {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    let count = gzread(file, base, UInt32(buffer.count))
    if count > 0 { return Int(count) }
    var code: Int32 = 0
    let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
    if count < 0 || (code != Z_OK && code != Z_STREAM_END) {
      throw MapError(file: path, .line(line), "cannot read the file: \(message)")
    }
    return 0
  }
}
