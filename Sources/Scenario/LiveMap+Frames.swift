import Township

/// The map's frame section: which links are closed, for which modes.
extension LiveMap: FrameSource {
  public func contribute(to frame: inout FrameSnapshot) {
    var indices: [Int] = []
    for id in closedByScript { if let i = township.linkIndex(of: id) { indices.append(i) } }
    for id in hazardClosures.keys where !closedByScript.contains(id) {
      if let i = township.linkIndex(of: id) { indices.append(i) }
    }
    indices.sort()
    frame.closures = indices.map { index in
      let id = township.links[index].id
      let hazard = hazardClosure(link: id)
      let script = closedByScript.contains(id)
      return FrameSnapshot.LinkClosure(
        link: index, driving: script || hazard.driving, walking: script || hazard.walking)
    }
  }
}
