import Foundation
import SimKernel

/// The landform of a synthetic county: a main river valley with side valleys.
///
/// The main river meanders west to east along the x axis (a sine of 300 m
/// amplitude and 6 km wavelength) and falls 1 m per km towards the outlet
/// at the east end. Side valleys, one per township cluster, leave it every
/// 2.5 km, alternately to the north and to the south, each with a stream
/// that rises 10 m per km and a closed head 1 km past its last village.
/// Every cross-section has the same parts: a river channel (3 m deep in the
/// main valley, 1.5 m in side valleys), a flood plain rising gently (4 and
/// 5 m per km) out to the floor's edge (1.2 km and 0.8 km from the axis),
/// and hillsides rising towards ridges 500 m (400 m) above the floor, with
/// a little seeded roughness on the slopes only, so floors and channels
/// drain without pits. Elevation is an analytic function: a DEM of any
/// resolution is a sampling of it.
public struct SyntheticTerrain: Sendable {
  /// Metres between neighbouring side valleys (alternating sides).
  public static let clusterSpacing = 2_500.0
  /// Half-width of the main valley floor, metres from the river axis.
  public static let mainFloorHalfWidth = 1_200.0
  /// Half-width of a side valley floor, metres from its stream.
  public static let sideFloorHalfWidth = 800.0
  /// Metres between village stations up a side valley.
  public static let stationSpacing = 1_000.0
  /// Metres of main valley beyond the first and last side valley.
  public static let endMargin = 2_000.0

  /// One side valley: where it leaves the main valley, which way, how far.
  public struct SideValley: Sendable, Equatable {
    /// The x of its axis (it runs due north or south).
    public let x: Double
    /// +1 for a valley to the north, -1 to the south.
    public let side: Double
    /// Distance of its last village station from the main river axis, metres.
    public let headDistance: Double
  }

  /// The side valleys, west to east.
  public let valleys: [SideValley]
  /// Length of the main valley (x from 0 to this).
  public let length: Double
  /// Elevation of the river bed at the outlet (east end), metres.
  public let outletElevation = 200.0
  private let phase: Double
  private let noiseSeed: UInt64

  /// A terrain for side valleys with these station counts, west to east.
  init(stationsPerValley: [Int], seed: UInt64) {
    var stream = RandomStream(seed: seed, name: "synth.terrain")
    phase = stream.uniform(0, 2 * Double.pi)
    noiseSeed = stream.next()
    valleys = stationsPerValley.enumerated().map { index, stations in
      SideValley(
        x: Self.endMargin + Double(index) * Self.clusterSpacing,
        side: index % 2 == 0 ? 1 : -1,
        headDistance: Self.mainFloorHalfWidth + Double(max(stations, 1)) * Self.stationSpacing)
    }
    length = 2 * Self.endMargin + Double(max(stationsPerValley.count - 1, 0)) * Self.clusterSpacing
  }

  /// The y of the main river axis at `x`.
  public func riverY(at x: Double) -> Double {
    300 * sin(2 * Double.pi * x / 6_000 + phase)
  }

  /// Elevation of the main river bed at `x` (before the channel is cut).
  public func riverElevation(at x: Double) -> Double {
    outletElevation + 0.001 * (length - x)
  }

  /// The south-west and north-east corners of the land the map lies on.
  public var bounds: (low: MapPoint, high: MapPoint) {
    let reach = (valleys.map(\.headDistance).max() ?? Self.mainFloorHalfWidth) + 2_500
    return (MapPoint(x: 0, y: -reach - 300), MapPoint(x: length, y: reach + 300))
  }

  /// Ground elevation at a point, metres.
  public func elevation(at point: MapPoint) -> Double {
    let floor = riverElevation(at: point.x)
    var best = Self.section(
      distance: abs(point.y - riverY(at: point.x)), floor: floor,
      channel: (20, 3), plain: (Self.mainFloorHalfWidth, 0.004), hill: (500, 1_500))
    let nearest = Int(((point.x - Self.endMargin) / Self.clusterSpacing).rounded())
    for index in (nearest - 2)...(nearest + 2) where valleys.indices.contains(index) {
      let valley = valleys[index]
      let along = valley.side * (point.y - riverY(at: valley.x))
      guard along >= 0 else { continue }
      var side = Self.section(
        distance: abs(point.x - valley.x), floor: riverElevation(at: valley.x) + 0.01 * along,
        channel: (6, 1.5), plain: (Self.sideFloorHalfWidth, 0.005), hill: (400, 1_200))
      let beyondHead = along - valley.headDistance - 1_000
      if beyondHead > 0 {
        side.height += 400 * (1 - exp(-beyondHead / 1_200))
        side.slope = max(side.slope, min(1, beyondHead / 300))
      }
      if side.height < best.height { best = side }
    }
    guard best.slope > 0 else { return best.height }
    return best.height + 12 * best.slope * noise(point)
  }

  /// One cross-section's height: channel, flood plain, hillside.
  ///
  /// `slope` says how far up the hillside the point is (0 on the floor, 1
  /// from 300 m up the slope): roughness is added in that proportion.
  private static func section(
    distance d: Double, floor: Double, channel: (halfWidth: Double, depth: Double),
    plain: (halfWidth: Double, rise: Double), hill: (height: Double, scale: Double)
  ) -> (height: Double, slope: Double) {
    if d <= channel.halfWidth {
      let t = d / channel.halfWidth
      return (floor - channel.depth * (1 - t * t), 0)
    }
    if d <= plain.halfWidth { return (floor + plain.rise * d, 0) }
    let up = d - plain.halfWidth
    let height = floor + plain.rise * plain.halfWidth + hill.height * (1 - exp(-up / hill.scale))
    return (height, min(1, up / 300))
  }

  /// Smooth value noise in -1...1 on a 400 m lattice (bilinear, smoothstep).
  private func noise(_ point: MapPoint) -> Double {
    let gx = point.x / 400
    let gy = point.y / 400
    let ix = Int(gx.rounded(.down))
    let iy = Int(gy.rounded(.down))
    let fx = gx - Double(ix)
    let fy = gy - Double(iy)
    let sx = fx * fx * (3 - 2 * fx)
    let sy = fy * fy * (3 - 2 * fy)
    let bottom = lattice(ix, iy) + (lattice(ix + 1, iy) - lattice(ix, iy)) * sx
    let top = lattice(ix, iy + 1) + (lattice(ix + 1, iy + 1) - lattice(ix, iy + 1)) * sx
    return bottom + (top - bottom) * sy
  }

  /// A value in -1...1 for a lattice point: SplitMix64's finaliser on the
  /// coordinates and the seed (never Swift's per-process `Hasher`).
  private func lattice(_ i: Int, _ j: Int) -> Double {
    var z = noiseSeed ^ (UInt64(bitPattern: Int64(i)) &* 0x9e37_79b9_7f4a_7c15)
    z ^= UInt64(bitPattern: Int64(j)) &* 0xc2b2_ae3d_27d4_eb4f
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    z ^= z >> 31
    return Double(z >> 11) * 0x1.0p-52 - 1
  }
}
