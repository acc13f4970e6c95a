import CZlib
import Foundation

/// A decoded 8-bit RGB or RGBA PNG, enough to tell a rendered page from a
/// blank one.
struct PNGImage {
  let width: Int
  let height: Int
  /// Bytes per pixel (3 or 4).
  let channels: Int
  /// Unfiltered pixel rows, `width * channels` bytes each.
  let pixels: [UInt8]

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  init(data: Data) throws {
    let bytes = [UInt8](data)
    guard bytes.count > 8, bytes[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else {
      throw Failure(description: "not a PNG")
    }
    func u32(_ at: Int) -> Int {
      Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
    var at = 8
    var width = 0
    var height = 0
    var colourType = 0
    var compressed: [UInt8] = []
    while at + 8 <= bytes.count {
      let length = u32(at)
      let type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
      let body = at + 8
      guard body + length <= bytes.count else { throw Failure(description: "truncated chunk") }
      if type == "IHDR" {
        width = u32(body)
        height = u32(body + 4)
        guard bytes[body + 8] == 8 else { throw Failure(description: "not 8 bits per channel") }
        colourType = Int(bytes[body + 9])
      } else if type == "IDAT" {
        compressed += bytes[body..<body + length]
      }
      at = body + length + 4
    }
    guard colourType == 2 || colourType == 6, width > 0, height > 0 else {
      throw Failure(description: "colour type \(colourType) not handled")
    }
    channels = colourType == 6 ? 4 : 3
    self.width = width
    self.height = height
    let stride = width * channels
    var raw = [UInt8](repeating: 0, count: height * (stride + 1))
    var rawLength = uLongf(raw.count)
    let status = raw.withUnsafeMutableBufferPointer { out in
      compressed.withUnsafeBufferPointer { input in
        uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
      }
    }
    guard status == Z_OK, Int(rawLength) == raw.count else {
      throw Failure(description: "zlib status \(status)")
    }
    var pixels = [UInt8](repeating: 0, count: height * stride)
    for row in 0..<height {
      let filter = raw[row * (stride + 1)]
      for i in 0..<stride {
        let x = Int(raw[row * (stride + 1) + 1 + i])
        let a = i >= channels ? Int(pixels[row * stride + i - channels]) : 0
        let b = row > 0 ? Int(pixels[(row - 1) * stride + i]) : 0
        let c = row > 0 && i >= channels ? Int(pixels[(row - 1) * stride + i - channels]) : 0
        let predicted: Int
        switch filter {
        case 1: predicted = a
        case 2: predicted = b
        case 3: predicted = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
        default: predicted = 0
        }
        pixels[row * stride + i] = UInt8((x + predicted) & 0xff)
      }
    }
    self.pixels = pixels
  }

  /// Distinct colours (RGB) in the image.
  var colourCount: Int {
    var seen = Set<UInt32>()
    var k = 0
    while k + 2 < pixels.count {
      seen.insert(UInt32(pixels[k]) << 16 | UInt32(pixels[k + 1]) << 8 | UInt32(pixels[k + 2]))
      k += channels
    }
    return seen.count
  }
}
