/// The strongly connected components of a map's road network.
///
/// A vehicle can get from any node of a component to any other; road
/// length outside the largest component is network a car may enter and not
/// leave (or never reach), which is what import repairs look for. Two-way
/// links count in both directions, one-way links in their own. Iterative
/// Tarjan, so long chains cannot overflow the stack.
public struct StrongComponents: Sendable {
  /// The component of each node (nodes without road links get their own).
  public let componentOfNode: [Int]
  /// Road length inside each component (links whose ends are both in it).
  public let roadLength: [Double]
  /// The component with the most road length.
  public let largest: Int

  /// Computes the components over the links of one mode.
  public init(nodeCount: Int, links: [Link], mode: LinkMode = .road) {
    var adjacency = [[Int]](repeating: [], count: nodeCount)
    for link in links where link.mode == mode {
      adjacency[link.from].append(link.to)
      if !link.oneway { adjacency[link.to].append(link.from) }
    }
    var index = [Int](repeating: -1, count: nodeCount)
    var lowLink = [Int](repeating: 0, count: nodeCount)
    var onStack = [Bool](repeating: false, count: nodeCount)
    var component = [Int](repeating: -1, count: nodeCount)
    var stack: [Int] = []
    var nextIndex = 0
    var componentCount = 0
    for root in 0..<nodeCount where index[root] < 0 {
      var frames: [(node: Int, edge: Int)] = [(root, 0)]
      index[root] = nextIndex
      lowLink[root] = nextIndex
      nextIndex += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        let node = frame.node
        if frame.edge < adjacency[node].count {
          frames[frames.count - 1].edge += 1
          let next = adjacency[node][frame.edge]
          if index[next] < 0 {
            index[next] = nextIndex
            lowLink[next] = nextIndex
            nextIndex += 1
            stack.append(next)
            onStack[next] = true
            frames.append((next, 0))
          } else if onStack[next] {
            lowLink[node] = min(lowLink[node], index[next])
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last {
          lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
        }
        if lowLink[node] == index[node] {
          while let member = stack.popLast() {
            onStack[member] = false
            component[member] = componentCount
            if member == node { break }
          }
          componentCount += 1
        }
      }
    }
    var lengths = [Double](repeating: 0, count: componentCount)
    for link in links where link.mode == mode && component[link.from] == component[link.to] {
      lengths[component[link.from]] += link.length
    }
    componentOfNode = component
    roadLength = lengths
    var best = 0
    for candidate in lengths.indices where lengths[candidate] > lengths[best] { best = candidate }
    largest = best
  }

  /// Whether a link lies inside the largest component.
  public func isInLargest(_ link: Link) -> Bool {
    componentOfNode[link.from] == largest && componentOfNode[link.to] == largest
  }

  /// The largest component's share of all road length (0...1).
  public func largestShare(of links: [Link], mode: LinkMode = .road) -> Double {
    let total = links.reduce(0) { $0 + ($1.mode == mode ? $1.length : 0) }
    guard total > 0, roadLength.indices.contains(largest) else { return 0 }
    return roadLength[largest] / total
  }
}
