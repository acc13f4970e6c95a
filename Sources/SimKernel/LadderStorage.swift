/// The heap-allocated home of a `LadderQueue`'s state, for copy-on-write.
///
/// The state sits behind a pointer (see `LadderCore` for why); this object
/// owns that pointer and the buffers it leads to.
@usableFromInline final class LadderStorage {
  @usableFromInline let core: UnsafeMutablePointer<LadderCore>

  @usableFromInline init() {
    core = .allocate(capacity: 1)
    core.initialize(to: LadderCore())
  }

  deinit {
    core.pointee.release()
    core.deinitialize(count: 1)
    core.deallocate()
  }

  /// A deep copy holding the same events.
  @usableFromInline func copy() -> LadderStorage {
    let other = LadderStorage()
    core.pointee.forEachEvent { other.core.pointee.insert($0) }
    return other
  }
}
