/// One slot of the vocabulary's hash table: the id (-1 when free), the key's length, a hash tag,
/// and the key's first eight bytes, so a probe for a short key reads one 16-byte record.
struct VocabularySlot: Sendable {
    var id: Int32
    var length: UInt16
    var tag: UInt16
    var packed: UInt64

    static let free = VocabularySlot(id: -1, length: 0, tag: 0, packed: 0)

    /// Up to the first eight bytes of a key, little-endian, zero-padded (keys never hold 0 bytes);
    /// reads no byte past `p + n`.
    @inline(__always)
    static func pack(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 8 { return UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        var k = 0
        while k < n {
            value |= UInt64(p[k]) << UInt64(8 &* k)
            k &+= 1
        }
        return value
    }
}

/// The words the phrasebook uses, by normalized stem (and, for quoted exact forms, by exact
/// normalized form behind a 0x01 prefix byte), each with an id and its `TokenClass` bits.
/// An open-addressing hash table, a quarter full, whose slots carry a hash tag and the key's
/// first eight bytes: most lookups read one slot and nothing else, and none allocates.
struct Vocabulary: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    /// `TokenClass` bits per id.
    private(set) var classes: [UInt32] = []
    /// Per id: some pattern quotes an exact form whose stem this is.
    private(set) var hasExactForms: [Bool] = []
    private var slots: [VocabularySlot] = Array(repeating: .free, count: 1024)
    private var shift: UInt64 = 54

    /// The prefix byte that keeps exact-form keys apart from stems.
    static let exactPrefix: UInt8 = 0x01

    var count: Int { classes.count }

    /// A multiply-xorshift hash over the key eight bytes at a time (the last chunk zero-padded,
    /// as `VocabularySlot.pack` reads it), finished with a multiply so the top bits (used for
    /// the slot) are well mixed. Reads no byte past `p + n`.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = start(n)
        var k = 0
        while k < n {
            h = step(h, VocabularySlot.pack(p + k, n &- k))
            k &+= 8
        }
        return finish(h)
    }

    /// `hash`, for a key followed by at least seven readable bytes: whole words are loaded and
    /// the bytes past the key masked off.
    @inline(__always)
    static func paddedHash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = start(n)
        var k = 0
        while k < n {
            h = step(h, paddedChunk(p + k, n &- k))
            k &+= 8
        }
        return finish(h)
    }

    /// The eight bytes at `p` with those from `remaining` on zeroed (`remaining` ≥ 1).
    @inline(__always)
    static func paddedChunk(_ p: UnsafePointer<UInt8>, _ remaining: Int) -> UInt64 {
        let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        return remaining >= 8 ? word : word & ((1 &<< UInt64(8 &* remaining)) &- 1)
    }

    @inline(__always)
    private static func start(_ n: Int) -> UInt64 { UInt64(n) &* 0xFF51_AFD7_ED55_8CCD }

    @inline(__always)
    private static func step(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let x = (h ^ chunk) &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 29)
    }

    @inline(__always)
    private static func finish(_ state: UInt64) -> UInt64 { (state ^ (state >> 32)) &* 0x9E37_79B9_7F4A_7C15 }

    /// The id of `key`, inserting it when new.
    @discardableResult
    mutating func insert(_ key: [UInt8]) -> Int32 {
        if let existing = id(of: key) { return existing }
        if (count + 1) * 4 > slots.count { grow() }
        let id = Int32(count)
        keyBytes.append(contentsOf: key)
        keyStarts.append(Int32(keyBytes.count))
        classes.append(0)
        hasExactForms.append(false)
        place(id)
        return id
    }

    func id(of key: [UInt8]) -> Int32? {
        let found = key.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return view { $0.lookup(base, buffer.count) }
        }
        return found >= 0 ? found : nil
    }

    mutating func addClasses(_ tokenClass: TokenClass, to id: Int32) {
        classes[Int(id)] |= tokenClass.rawValue
    }

    mutating func markHasExactForms(_ id: Int32) {
        hasExactForms[Int(id)] = true
    }

    /// The key of `id` as text, for messages and tests.
    func key(of id: Int32) -> String {
        let bytes = keyBytes[Int(keyStarts[Int(id)])..<Int(keyStarts[Int(id) + 1])]
        return String(decoding: bytes.filter { $0 != Vocabulary.exactPrefix }, as: UTF8.self)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: .free, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for id in 0..<Int32(count) { place(id) }
    }

    private mutating func place(_ id: Int32) {
        let start = Int(keyStarts[Int(id)]), end = Int(keyStarts[Int(id) + 1])
        let (h, packed) = keyBytes.withUnsafeBufferPointer { buffer -> (UInt64, UInt64) in
            guard let base = buffer.baseAddress else { return (0, 0) }
            return (Vocabulary.hash(base + start, end - start), VocabularySlot.pack(base + start, end - start))
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h >> shift)
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = VocabularySlot(id: id, length: UInt16(end - start), tag: UInt16(truncatingIfNeeded: h), packed: packed)
    }

    /// Runs `body` with a lookup view over the table's storage.
    func view<R>(_ body: (View) throws -> R) rethrows -> R {
        try keyBytes.withUnsafeBufferPointer { keys in
            try keyStarts.withUnsafeBufferPointer { starts in
                try slots.withUnsafeBufferPointer { slots in
                    try classes.withUnsafeBufferPointer { classes in
                        try hasExactForms.withUnsafeBufferPointer { exact in
                            try body(View(keys: keys, starts: starts, slots: slots, shift: shift,
                                          classes: classes, hasExactForms: exact))
                        }
                    }
                }
            }
        }
    }

    /// Unsafe, allocation-free lookups, valid inside `view`.
    struct View {
        let keys: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int32>
        let slots: UnsafeBufferPointer<VocabularySlot>
        let shift: UInt64
        let classes: UnsafeBufferPointer<UInt32>
        let hasExactForms: UnsafeBufferPointer<Bool>

        /// The id of the `n` bytes at `p`, or -1.
        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
            lookup(p, n, hash: Vocabulary.hash(p, n), packed: VocabularySlot.pack(p, n))
        }

        /// The id of the `n` bytes at `p`, followed by at least seven readable bytes, or -1.
        @inline(__always)
        func paddedLookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
            guard n > 0 else { return lookup(p, n) }
            return lookup(p, n, hash: Vocabulary.paddedHash(p, n), packed: Vocabulary.paddedChunk(p, n))
        }

        /// The id of the `n` bytes at `p` whose `Vocabulary.hash` and first packed eight bytes
        /// are already known, or -1.
        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, packed: UInt64) -> Int32 {
            let tag = UInt16(truncatingIfNeeded: h)
            let mask = slots.count &- 1
            var slot = Int(truncatingIfNeeded: h >> shift)
            while true {
                let entry = slots[slot]
                if entry.id < 0 { return -1 }
                if entry.tag == tag, Int(entry.length) == n, entry.packed == packed {
                    if n <= 8 { return entry.id }
                    let start = Int(starts[Int(entry.id)])
                    var k = 8
                    while k < n, keys[start &+ k] == p[k] { k &+= 1 }
                    if k == n { return entry.id }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }
}
