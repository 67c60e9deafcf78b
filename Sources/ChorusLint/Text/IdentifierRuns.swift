/// Runs of identifier characters — ASCII letters, digits, and `.` `_` `-` `:` between them — that
/// might be internal names (`payments-api`, `auth_service`, `db-01.prod.internal`,
/// `10.0.3.17:5432`, `fe80::1`), found in code spans and quotes, which the tokenizer skips.
/// Plain words are not reported, except `localhost`.
enum IdentifierRuns {
    private static let member: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = true }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = true }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = true }
        for b in "._-:".utf8 { table[Int(b)] = true }
        return table
    }()

    static func isConnector(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    /// Calls `body` with the byte range of each candidate run inside `ranges` (sorted, disjoint).
    static func scan(_ bytes: [UInt8], within ranges: [Range<Int>], _ body: (Range<Int>) -> Void) {
        guard !ranges.isEmpty else { return }
        let buffer = bytes
        do {
            for range in ranges {
                var i = range.lowerBound
                while i < range.upperBound {
                    guard member[Int(buffer[i])] else { i += 1; continue }
                    let start = i
                    var interesting = false
                    var previousLower = false
                    while i < range.upperBound, member[Int(buffer[i])] {
                        let b = buffer[i]
                        if isConnector(b) { interesting = true }
                        let isUpper = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
                        if isUpper && previousLower { interesting = true }
                        previousLower = b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
                        i += 1
                    }
                    // A run must not continue a non-ASCII word (`café-api` is not ours to judge).
                    if i < range.upperBound, buffer[i] >= 0x80 {
                        while i < range.upperBound, buffer[i] >= 0x80 || member[Int(buffer[i])] { i += 1 }
                        continue
                    }
                    if start > range.lowerBound, buffer[start - 1] >= 0x80 { continue }
                    var s = start, e = i
                    while s < e, isConnector(buffer[s]) { s += 1 }
                    while e > s, isConnector(buffer[e - 1]) { e -= 1 }
                    guard e > s else { continue }
                    if interesting || (e - s == 9 && isLocalhost(buffer, s)) { body(s..<e) }
                }
            }
        }
    }

    private static func isLocalhost(_ buffer: [UInt8], _ s: Int) -> Bool {
        let word = "localhost".utf8
        var k = s
        for c in word {
            if buffer[k] | 0x20 != c { return false }
            k += 1
        }
        return true
    }
}
