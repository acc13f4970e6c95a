/// One reverse Dijkstra search to a target, run only as far as the
/// questions asked of it so far need.
///
/// Nodes leave the heap in the same order whether the search runs to the
/// end at once or a little at a time, so a settled node's seconds and
/// first link are exactly what a full search gives. Dispatch asks for the
/// times of the few teams that can reach a scene; pausing when the
/// farthest of them is settled skips the rest of the county.
final class ReverseSearch {
  let target: Int
  let conveyance: Conveyance
  /// The network's version the search belongs to.
  let version: Int
  /// Per node: seconds to the target; final once the node is settled.
  private(set) var seconds: [Double]
  /// Per node: the link its fastest route to the target starts with (-1
  /// for none); final once the node is settled.
  private(set) var next: [Int]
  private var done: [Bool]
  private var heap = NodeHeap()
  private unowned let network: ResponseNetwork

  init(to target: Int, by conveyance: Conveyance, on network: ResponseNetwork) {
    let count = network.township.nodes.count
    self.target = target
    self.conveyance = conveyance
    self.network = network
    version = network.version
    seconds = [Double](repeating: .infinity, count: count)
    next = [Int](repeating: -1, count: count)
    done = [Bool](repeating: false, count: count)
    seconds[target] = 0
    heap.push(0, target)
  }

  /// Searches on until `node` is settled or nothing is left to settle;
  /// then `seconds[node]` is final (infinity when the target cannot be
  /// reached from it), and so is every link of its route.
  func settle(_ node: Int) {
    let links = network.costs
    while !done[node], let (key, current) = heap.pop() {
      if done[current] || key > seconds[current] { continue }
      done[current] = true
      for index in network.incident[current] {
        let link = links[index]
        let other = link.from == current ? link.to : link.from
        // The arc runs other -> current: a reverse search.
        guard !done[other], let step = network.seconds(link: index, from: other, by: conveyance)
        else { continue }
        let candidate = seconds[current] + step
        if candidate < seconds[other] {
          seconds[other] = candidate
          next[other] = index
          heap.push(candidate, other)
        }
      }
    }
  }
}
