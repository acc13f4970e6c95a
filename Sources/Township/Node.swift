/// A network node: a junction, a dead end or a point a zone or facility uses.
///
/// Links and zones refer to nodes by index into `Township.nodes`; the string
/// id is what maps, scripts and outputs name.
public struct Node: Hashable, Sendable {
  public var id: String
  public var position: MapPoint

  public init(id: String, position: MapPoint) {
    self.id = id
    self.position = position
  }
}
