import FuzzInput
import Township

/// Feeds each input to the ESRI ASCII grid reader as an `.asc` file.
enum AsciiGridTarget {
  static let file = ScratchFile(name: "input.asc")
}

FuzzDriver.run { data, size in
  AsciiGridTarget.file.write(data, size)
  _ = try? AsciiGridReader.read(path: AsciiGridTarget.file.path)
  return 0
}
