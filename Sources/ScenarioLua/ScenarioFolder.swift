import Foundation

/// The folder a scenario file sits in, and the data files it may name.
///
/// A scenario names its maps, grids and series by paths relative to its own
/// file, and they must stay in that folder or below it: no absolute paths,
/// no `..` that climbs out. A scenario is shared as text, so it must not be
/// able to read whatever file the person running it can (a map "pointing"
/// at ~/.ssh, say, whose parse error would echo the first line). The check
/// is on the path as written; a symbolic link inside the folder is the
/// folder owner's choice and is followed.
struct ScenarioFolder {
  /// The folder, as the scenario's path gives it ("" for the current one).
  let path: String

  init(scenario: String) {
    path = (scenario as NSString).deletingLastPathComponent
  }

  /// The file `relative` names, or a message saying why it may not be used.
  func resolve(_ relative: String) -> Swift.Result<String, ScenarioFolder.Outside> {
    guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else {
      return .failure(Outside(relative: relative))
    }
    var depth = 0
    for part in relative.split(separator: "/") where part != "." {
      depth += part == ".." ? -1 : 1
      if depth < 0 { return .failure(Outside(relative: relative)) }
    }
    return .success(path.isEmpty ? relative : path + "/" + relative)
  }

  /// A path that leaves the scenario's folder.
  struct Outside: Error, CustomStringConvertible {
    let relative: String
    var description: String {
      "'\(relative)' is outside the scenario's folder (data files must sit in it or below"
        + " it, named by a relative path)"
    }
  }
}
