import CSodium
import Synchronization

/// Small secrets (keys, receipts, seeds) come from slots of one `sodium_malloc` region instead of
/// a fresh `sodium_malloc` each: that call maps guard pages and locks memory, some ten system calls
/// per key, which would dominate intake. The region is guarded and locked as a whole; a slot is
/// wiped when its secret is released. Unchecked Sendable: `base` is immutable, slots are handed out under the mutex.
final class SecureMemoryPool: @unchecked Sendable {
    static let shared = SecureMemoryPool(slotSize: 128, slotCount: 8192)
    /// Decrypted records (a case sheet, a timeline entry, a classification: mostly under 2 KiB).
    /// Opening a case or a page of the case list decrypts hundreds of them; with a `sodium_malloc`
    /// each, the page and unmap calls were a fifth of the case list's time (docs/benchmark.md).
    static let records = SecureMemoryPool(slotSize: 2048, slotCount: 1024)

    /// The pool for a secret of `count` bytes; nil when it is larger than every slot.
    static func pool(for count: Int) -> SecureMemoryPool? {
        count <= shared.slotSize ? shared : count <= records.slotSize ? records : nil
    }

    let slotSize: Int
    let slotCount: Int
    private let base: UnsafeMutableRawPointer?
    private let freeSlots: Mutex<[Int]>

    init(slotSize: Int, slotCount: Int) {
        Sodium.ensureInitialised()
        self.slotSize = slotSize
        self.slotCount = slotCount
        self.base = sodium_malloc(slotSize * slotCount)
        if let base { sodium_memzero(base, slotSize * slotCount) }
        self.freeSlots = Mutex(base == nil ? [] : Array((0..<slotCount).reversed()))
    }

    /// A zeroed slot for `count` bytes, or nil when the secret is too large or the pool is empty.
    func allocate(_ count: Int) -> UnsafeMutableRawPointer? {
        guard count <= slotSize, let base else { return nil }
        guard let slot = freeSlots.withLock({ $0.popLast() }) else { return nil }
        return base + slot * slotSize
    }

    /// Wipes the slot and returns it.
    func release(_ pointer: UnsafeMutableRawPointer) {
        guard let base else { return }
        sodium_memzero(pointer, slotSize)
        let slot = (pointer - base) / slotSize
        freeSlots.withLock { $0.append(slot) }
    }
}
