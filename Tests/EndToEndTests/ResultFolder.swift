import Foundation

/// Reads what a command left on disk: a results folder's status, the
/// files under a folder.
enum ResultFolder {
  /// The `status` of `folder/summary.json`, or nil without one.
  static func status(_ folder: URL) throws -> String? {
    let url = folder.appendingPathComponent("summary.json")
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["status"] as? String ?? "?"
  }

  /// Every file under `folder`, as sorted relative paths.
  static func files(_ folder: URL) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var paths: [String] = []
    while let path = walker.nextObject() as? String { paths.append(path) }
    return paths.sorted()
  }
}
