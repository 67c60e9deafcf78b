/// The words the phrasebook uses, by normalized stem (and, for quoted exact forms, by exact
/// normalized form behind a 0x01 prefix byte), each with an id and its `TokenClass` bits.
/// An open-addressing hash table over one flat byte array, a quarter full, with a hash tag per
/// slot so most probes never touch key bytes: looking a token up allocates nothing.
struct Vocabulary: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    /// `TokenClass` bits per id.
    private(set) var classes: [UInt32] = []
    /// Per id: some pattern quotes an exact form whose stem this is.
    private(set) var hasExactForms: [Bool] = []
    /// Per slot: the id (-1 when free) and the hash's low 32 bits.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var tags: [UInt32] = Array(repeating: 0, count: 1024)
    private var shift: UInt64 = 54

    /// The prefix byte that keeps exact-form keys apart from stems.
    static let exactPrefix: UInt8 = 0x01

    var count: Int { classes.count }

    /// FNV-1a, finished with a multiply so the top bits (used for the slot) are well mixed.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var k = 0
        while k < n {
            h ^= UInt64(p[k])
            h &*= 0x0000_0100_0000_01B3
            k &+= 1
        }
        return (h ^ (h >> 32)) &* 0x9E37_79B9_7F4A_7C15
    }

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
        slots = Array(repeating: -1, count: size)
        tags = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for id in 0..<Int32(count) { place(id) }
    }

    private mutating func place(_ id: Int32) {
        let start = Int(keyStarts[Int(id)]), end = Int(keyStarts[Int(id) + 1])
        let h = keyBytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { Vocabulary.hash($0 + start, end - start) } ?? 0
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h >> shift)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
        tags[slot] = UInt32(truncatingIfNeeded: h)
    }

    /// Runs `body` with a lookup view over the table's storage.
    func view<R>(_ body: (View) throws -> R) rethrows -> R {
        try keyBytes.withUnsafeBufferPointer { keys in
            try keyStarts.withUnsafeBufferPointer { starts in
                try slots.withUnsafeBufferPointer { slots in
                    try tags.withUnsafeBufferPointer { tags in
                        try classes.withUnsafeBufferPointer { classes in
                            try hasExactForms.withUnsafeBufferPointer { exact in
                                try body(View(keys: keys, starts: starts, slots: slots, tags: tags, shift: shift,
                                              classes: classes, hasExactForms: exact))
                            }
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
        let slots: UnsafeBufferPointer<Int32>
        let tags: UnsafeBufferPointer<UInt32>
        let shift: UInt64
        let classes: UnsafeBufferPointer<UInt32>
        let hasExactForms: UnsafeBufferPointer<Bool>

        /// The id of the `n` bytes at `p`, or -1.
        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
            let h = Vocabulary.hash(p, n)
            let tag = UInt32(truncatingIfNeeded: h)
            let mask = slots.count &- 1
            var slot = Int(truncatingIfNeeded: h >> shift)
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                if tags[slot] == tag {
                    let start = Int(starts[Int(id)])
                    if Int(starts[Int(id) &+ 1]) &- start == n {
                        var k = 0
                        while k < n, keys[start &+ k] == p[k] { k &+= 1 }
                        if k == n { return id }
                    }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }
}
