/// Finds the node a zone or facility should hang on: the nearest road node
/// inside the largest strongly connected component.
///
/// A shelter attached to a stray track that cars cannot leave would make
/// every evacuation to it fail; anchoring on the main component avoids that.
/// Maps with no roads fall back to the nearest node of any kind.
struct NetworkAnchor {
  let index: SpatialIndex
  private let accepted: [Bool]

  init(nodes: [Node], links: [Link]) {
    index = SpatialIndex(nodes: nodes, links: links)
    let components = StrongComponents(nodeCount: nodes.count, links: links)
    var accepted = [Bool](repeating: false, count: nodes.count)
    for link in links where link.mode == .road && components.isInLargest(link) {
      accepted[link.from] = true
      accepted[link.to] = true
    }
    if !accepted.contains(true) { accepted = [Bool](repeating: true, count: nodes.count) }
    self.accepted = accepted
  }

  /// The anchor node for a point.
  func node(near point: MapPoint) -> Int? {
    index.nearestNode(to: point) { accepted[$0] }
  }
}
