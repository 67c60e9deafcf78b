/// Turns a token's bytes into the keys the vocabulary knows it by: the *normalized* form
/// (lowercase, `’` as `'`, hyphens dropped from words without digits so `roll-back` is
/// `rollback`, a possessive `'s` dropped) and the *stem* (a light suffix stripper, so `rolled`,
/// `rolling` and `rolls` all meet `roll`). Phrasebook entries go through the same functions, so
/// both sides always agree.
enum TokenNormalizer {
    /// Largest token the vocabulary looks up; longer tokens are never phrase words.
    static let maximumLength = 96

    /// Writes the normalized form of `token` to `output` (capacity ≥ `maximumLength` + 1, byte 0
    /// reserved) starting at index 1, and returns its length, or nil when the token is too long.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, _ token: ScannedToken,
                          into output: UnsafeMutablePointer<UInt8>) -> Int? {
        let count = token.endIndex - token.startIndex
        guard count <= maximumLength else { return nil }
        var n = 0
        let dropHyphens = !token.hasDigit
        if !token.nonASCII {
            var k = token.startIndex
            while k < token.endIndex {
                var b = bytes[k]
                k &+= 1
                if b >= UInt8(ascii: "A"), b <= UInt8(ascii: "Z") { b |= 0x20 }
                if b == UInt8(ascii: "-"), dropHyphens { continue }
                output[1 &+ n] = b
                n &+= 1
            }
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.startIndex..<token.endIndex]), as: UTF8.self)
            let lowered = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            for b in lowered.utf8 {
                if b == UInt8(ascii: "-"), dropHyphens { continue }
                guard n < maximumLength else { return nil }
                output[1 + n] = b
                n += 1
            }
        }
        // A possessive 's: vendor's → vendor.
        if n > 3, output[n] == UInt8(ascii: "s"), output[n - 1] == UInt8(ascii: "'") { n -= 2 }
        return n
    }

    /// Convenience for building vocabularies: the normalized form and the stem of a token.
    static func keys(_ bytes: UnsafeBufferPointer<UInt8>, _ token: ScannedToken) -> (normalized: [UInt8], stem: [UInt8])? {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: maximumLength * 2 + 4)
        defer { buffer.deallocate() }
        guard let n = normalize(bytes, token, into: buffer) else { return nil }
        let normalized = Array(UnsafeBufferPointer(start: buffer + 1, count: n))
        let stemmed = stem(buffer + 1, count: n, wordLike: token.shape.contains(.word) && !token.hasDigit)
        return (normalized, Array(UnsafeBufferPointer(start: buffer + 1, count: stemmed)))
    }

    /// Strips one inflectional suffix from the lowercase word at `p` in place and returns the new
    /// length. Both the text and the phrasebook go through this, so it need only be consistent:
    /// `ies`/`ied` → `y`; `sses` → `ss`; `ches`/`shes`/`xes`/`zes` → drop `es`; `s` (not after `s`,
    /// `u`, `i`) → drop; `ing`/`ed` → drop when three letters remain; then final `e`s and a final
    /// doubled consonant go, so `cache`/`caching` and `stop`/`stopped` meet.
    @inline(__always)
    static func stem(_ p: UnsafeMutablePointer<UInt8>, count: Int, wordLike: Bool) -> Int {
        var n = count
        guard wordLike, n > 3 else { return n }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e")
        let last = p[n - 1], l2 = p[n - 2], l3 = p[n - 3]
        if n > 4, l3 == UInt8(ascii: "i"), l2 == e, last == s || last == UInt8(ascii: "d") {
            n -= 3
            p[n] = UInt8(ascii: "y")
            return n + 1
        }
        if last == s {
            let l4 = p[n - 4]
            if l2 == e, (l3 == s && l4 == s) || l3 == UInt8(ascii: "x") || l3 == UInt8(ascii: "z")
                || (l3 == UInt8(ascii: "h") && (l4 == UInt8(ascii: "c") || l4 == s)) {
                n -= 2
            } else if !(l2 == s || l2 == UInt8(ascii: "u") || l2 == UInt8(ascii: "i") || l2 == UInt8(ascii: "'")) {
                n -= 1
            }
        } else if last == UInt8(ascii: "g"), l2 == UInt8(ascii: "n"), l3 == UInt8(ascii: "i") {
            if n - 3 >= 3 { n -= 3 }
        } else if last == UInt8(ascii: "d"), l2 == e {
            if n - 2 >= 3 { n -= 2 }
        }
        while n > 3, p[n - 1] == e { n -= 1 }
        if n > 3, p[n - 1] == p[n - 2], isConsonant(p[n - 1]) { n -= 1 }
        return n
    }

    @inline(__always)
    private static func isConsonant(_ b: UInt8) -> Bool {
        guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { return false }
        switch b {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        default: return true
        }
    }
}
