/// Every key the phrasebook mentions, numbered from 0. The tokenizer gives each token the number
/// of its key (or `unknown`), so matching compares integers instead of hashing strings.
struct Lexicon: Sendable {
    /// The number of a key the phrasebook never mentions.
    static let unknown: Int32 = -1

    private var ids: [String: Int32] = [:]

    var count: Int { ids.count }

    init() {}

    /// A lexicon numbering `keys` in order, as `keys` of another one gave them; nil when a key
    /// repeats.
    init?(keys: [String]) {
        ids.reserveCapacity(keys.count)
        for (number, key) in keys.enumerated() {
            guard ids.updateValue(Int32(number), forKey: key) == nil else { return nil }
        }
    }

    /// Every key, in the order of their numbers.
    var keys: [String] {
        var keys = Array(repeating: "", count: ids.count)
        for (key, id) in ids { keys[Int(id)] = key }
        return keys
    }

    /// The number of `key`, or `unknown`.
    func id(of key: String) -> Int32 {
        ids[key] ?? Lexicon.unknown
    }

    /// The number of `key`, numbering it if it is new.
    mutating func intern(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// The numbers of `keys`, sorted, each once.
    mutating func intern<S: Sequence<String>>(_ keys: S) -> [Int32] {
        Array(Set(keys.map { intern($0) })).sorted()
    }

    /// The numbers of `keys` the lexicon has, sorted.
    func ids<S: Sequence<String>>(of keys: S) -> [Int32] {
        Array(Set(keys.map { id(of: $0) }.filter { $0 != Lexicon.unknown })).sorted()
    }
}

/// Lists of numbers grouped by a key number (a lexicon id, say), stored as two flat arrays: the
/// values of key `k` are `values[offsets[k] ..< offsets[k + 1]]`. Built once, read often.
struct GroupedIndex: Sendable {
    private var offsets: [Int32] = [0]
    private var values: [Int32] = []

    init() {}

    /// Groups `pairs` of (key, value) for keys `0 ..< keyCount`; values keep their order.
    init(keyCount: Int, pairs: [(key: Int32, value: Int32)]) {
        var counts = Array(repeating: Int32(0), count: keyCount + 1)
        for pair in pairs where pair.key >= 0 && Int(pair.key) < keyCount { counts[Int(pair.key) + 1] += 1 }
        for k in 0..<keyCount { counts[k + 1] += counts[k] }
        offsets = counts
        values = Array(repeating: 0, count: Int(counts[keyCount]))
        var next = counts
        for pair in pairs where pair.key >= 0 && Int(pair.key) < keyCount {
            values[Int(next[Int(pair.key)])] = pair.value
            next[Int(pair.key)] += 1
        }
    }

    /// An index read back from its two arrays; nil unless the offsets start at 0, never fall,
    /// and end at the number of values.
    init?(offsets: [Int32], values: [Int32]) {
        guard offsets.first == 0, Int(offsets.last ?? -1) == values.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.offsets = offsets
        self.values = values
    }

    /// The two arrays, for writing the index out.
    var parts: (offsets: [Int32], values: [Int32]) { (offsets, values) }

    /// The values grouped under `key` (none for an unknown or out-of-range key).
    @inline(__always)
    func values(of key: Int32) -> ArraySlice<Int32> {
        guard key >= 0, Int(key) + 1 < offsets.count else { return [] }
        return values[Int(offsets[Int(key)])..<Int(offsets[Int(key) + 1])]
    }
}
