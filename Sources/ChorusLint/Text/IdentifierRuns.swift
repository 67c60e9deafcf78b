/// Runs of identifier characters — ASCII letters, digits, and `.` `_` `-` `:` between them — that
/// might be internal names (`payments-api`, `auth_service`, `db-01.prod.internal`,
/// `10.0.3.17:5432`, `fe80::1`), found outside `hidden` regions. Plain words are not reported,
/// except `localhost`.
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

    /// Calls `body` with the byte range of each candidate run.
    static func scan(_ bytes: [UInt8], hidden: [Range<Int>], _ body: (Range<Int>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var i = 0
            var hiddenIndex = 0
            while i < n {
                if hiddenIndex < hidden.count, i >= hidden[hiddenIndex].lowerBound {
                    i = max(i, hidden[hiddenIndex].upperBound)
                    hiddenIndex += 1
                    continue
                }
                guard member[Int(buffer[i])] else { i += 1; continue }
                // A run must not continue a non-ASCII word (`café-api` is not ours to judge).
                let start = i
                var interesting = false
                var previousLower = false
                while i < n, member[Int(buffer[i])] {
                    if hiddenIndex < hidden.count, i >= hidden[hiddenIndex].lowerBound { break }
                    let b = buffer[i]
                    if isConnector(b) { interesting = true }
                    let isUpper = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
                    if isUpper && previousLower { interesting = true }
                    previousLower = b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
                    i += 1
                }
                if i < n, buffer[i] >= 0x80 { while i < n, buffer[i] >= 0x80 || member[Int(buffer[i])] { i += 1 }; continue }
                if start > 0, buffer[start - 1] >= 0x80 { continue }
                var s = start, e = i
                while s < e, isConnector(buffer[s]) { s += 1 }
                while e > s, isConnector(buffer[e - 1]) { e -= 1 }
                guard e > s else { continue }
                if interesting || (e - s == 9 && isLocalhost(buffer, s)) { body(s..<e) }
            }
        }
    }

    private static func isLocalhost(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        let word = "localhost".utf8
        var k = s
        for c in word {
            if buffer[k] | 0x20 != c { return false }
            k += 1
        }
        return true
    }
}
