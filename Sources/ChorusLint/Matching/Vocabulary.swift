/// The words the phrasebook uses, by normalized stem (and, for quoted exact forms, by exact
/// normalized form behind a 0x01 prefix byte), each with an id and its `TokenClass` bits.
/// An open-addressing hash table over one flat byte array: looking a token up allocates nothing.
struct Vocabulary: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    /// `TokenClass` bits per id.
    private(set) var classes: [UInt32] = []
    /// Per id: some pattern quotes an exact form whose stem this is.
    private(set) var hasExactForms: [Bool] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    /// The prefix byte that keeps exact-form keys apart from stems.
    static let exactPrefix: UInt8 = 0x01

    var count: Int { classes.count }

    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<n {
            h ^= UInt64(p[k])
            h &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `key`, inserting it when new.
    @discardableResult
    mutating func insert(_ key: [UInt8]) -> Int32 {
        if let existing = id(of: key) { return existing }
        if (count + 1) * 2 > slots.count { grow() }
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
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<Int32(count) { place(id) }
    }

    private mutating func place(_ id: Int32) {
        let start = Int(keyStarts[Int(id)]), end = Int(keyStarts[Int(id) + 1])
        let h = keyBytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { Vocabulary.hash($0 + start, end - start) } ?? 0
        }
        let mask = slots.count - 1
        var slot = h & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    /// Runs `body` with a lookup view over the table's storage.
    func view<R>(_ body: (View) throws -> R) rethrows -> R {
        try keyBytes.withUnsafeBufferPointer { keys in
            try keyStarts.withUnsafeBufferPointer { starts in
                try slots.withUnsafeBufferPointer { slots in
                    try classes.withUnsafeBufferPointer { classes in
                        try hasExactForms.withUnsafeBufferPointer { exact in
                            try body(View(keys: keys, starts: starts, slots: slots, classes: classes, hasExactForms: exact))
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
        let classes: UnsafeBufferPointer<UInt32>
        let hasExactForms: UnsafeBufferPointer<Bool>

        /// The id of the `n` bytes at `p`, or -1.
        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
            let mask = slots.count - 1
            var slot = Vocabulary.hash(p, n) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return -1 }
                let start = Int(starts[Int(id)])
                if Int(starts[Int(id) + 1]) - start == n {
                    var equal = true
                    for k in 0..<n where keys[start + k] != p[k] { equal = false; break }
                    if equal { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
