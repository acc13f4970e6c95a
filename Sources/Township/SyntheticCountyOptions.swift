/// What the synthetic county generator builds: size, seed and the shares it uses.
///
/// `villages` and `householdsPerVillage` fix the county's size exactly: it
/// gets `villages` villages and `villages * householdsPerVillage`
/// households, spread over the villages by seeded weights (township seats
/// are larger). Everything else is a documented default a planner may
/// override; none of it is a census figure of a real county.
public struct SyntheticCountyOptions: Sendable, Equatable {
  /// Villages (村/社区) in the county, seats included.
  public var villages: Int
  /// Mean households per village; the county total is exactly villages x this.
  public var householdsPerVillage: Int
  /// The seed every random stream of the generator derives from.
  public var seed: UInt64
  /// Persons per household: 2.5.
  ///
  /// The same placeholder the OSM import uses (reference/evacuation.md
  /// §3.3 has no verified figure; the 2020 Chinese census reports 2.62
  /// nationally). With it, 2,000 villages of 200 households make a county
  /// of 1,000,000 residents.
  public var personsPerHousehold = 2.5
  /// Households one grid responsible person (网格员) answers for: 300.
  ///
  /// About the size of the grids of township grid management (a
  /// judgement). A village gets ceil(households / 300) grids, each its
  /// own zone, so every zone belongs to exactly one grid.
  public var householdsPerGrid = 300
  /// Shelter places per resident, per village: 0.20.
  ///
  /// The national shelter code asks fixed shelters to hold at least 15 %
  /// of the planned population (reference/drill-domain.md, "Shelters");
  /// 20 % leaves a margin above that floor. Each village's hall and school
  /// together hold ceil(0.20 x its population).
  public var shelterShare = 0.20
  /// Share of residents aged 65 and over: 0.18.
  ///
  /// A judgement after rural China, where the 2020 census counts about
  /// 17.7 % aged 65+ (not verified in reference/). Each village varies it
  /// by up to +-20 % (relative), so villages differ as real ones do.
  public var elderlyShare = 0.18
  /// Share of children aged 0-14: 0.17.
  ///
  /// The 2020 census counts about 18 % nationally (a judgement, not
  /// verified in reference/). Varies by village like `elderlyShare`.
  public var childrenShare = 0.17
  /// Share of residents who cannot walk out unaided: 0.03.
  ///
  /// A judgement: about a third of the 6.3 % of people with a disability
  /// in China's 2006 sample survey, plus the bedridden. Varies by village
  /// like `elderlyShare`.
  public var mobilityImpairedShare = 0.03
  /// Villages per township cluster (a seat plus a side valley).
  ///
  /// Nil picks max(6, ceil(sqrt(villages))), so a county of 2,000 villages
  /// has 45 side valleys of up to 45 villages and stays compact.
  public var villagesPerCluster: Int?

  /// Whether nodes and links are renumbered in locality order
  /// (`Township.inLocalityOrder`): true.
  ///
  /// The builder numbers the trunk road first, then each side road, then
  /// the villages, so neighbours on the ground can be 100k numbers apart;
  /// renumbered, a village's nodes and links are contiguous and an
  /// evacuation event finds its neighbours' state in cache. False keeps
  /// the build order (for comparing the two).
  public var localityOrder = true

  /// The largest county the generator accepts, in households (10 M residents).
  public static let maximumHouseholds = 4_000_000

  /// A county of `villages` villages of `householdsPerVillage` households on average.
  public init(villages: Int, householdsPerVillage: Int, seed: UInt64) {
    self.villages = villages
    self.householdsPerVillage = householdsPerVillage
    self.seed = seed
  }

  /// The cluster size in use.
  var clusterSize: Int {
    if let villagesPerCluster { return villagesPerCluster }
    var root = 1
    while root * root < villages { root += 1 }
    return max(6, root)
  }

  /// Throws a `MapError` naming the first option out of range.
  public func validate() throws(MapError) {
    func fail(_ message: String) -> MapError {
      MapError(file: "synthetic county", .whole, message)
    }
    guard villages >= 1, villages <= 100_000 else {
      throw fail("villages must be in 1...100000, not \(villages)")
    }
    guard householdsPerVillage >= 1, householdsPerVillage <= 10_000 else {
      throw fail("households per village must be in 1...10000, not \(householdsPerVillage)")
    }
    guard villages * householdsPerVillage <= Self.maximumHouseholds else {
      throw fail("at most \(Self.maximumHouseholds) households in all")
    }
    guard personsPerHousehold.isFinite, personsPerHousehold >= 1, personsPerHousehold <= 10 else {
      throw fail("persons per household must be in 1...10")
    }
    guard householdsPerGrid >= 1 else { throw fail("households per grid must be at least 1") }
    guard shelterShare.isFinite, shelterShare >= 0, shelterShare <= 2 else {
      throw fail("shelter share must be in 0...2")
    }
    let shares = [elderlyShare, childrenShare, mobilityImpairedShare]
    guard shares.allSatisfy({ $0.isFinite && $0 >= 0 }), shares.reduce(0, +) * 1.2 <= 1 else {
      throw fail("group shares must be >= 0 and sum to at most 1/1.2 (they vary by 20 %)")
    }
    if let villagesPerCluster, villagesPerCluster < 2 {
      throw fail("villages per cluster must be at least 2")
    }
  }
}
