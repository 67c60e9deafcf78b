import Foundation

extension DraftWriter {
    /// `text` with every `**` replaced by `replacement`, as Foundation's
    /// `replacingOccurrences(of: "**", with: replacement)` writes it: matches taken left to right,
    /// never overlapping. Template text is ASCII, where that is a plain byte scan; any other text
    /// goes to Foundation, whose matching respects composed characters.
    static func replacingBold(_ text: String, with replacement: StaticString) -> String {
        let utf8 = text.utf8
        let (hasStar, isASCII) = utf8.withContiguousStorageIfAvailable(scan) ?? scan(utf8)
        guard hasStar else { return text }
        guard isASCII else {
            return text.replacingOccurrences(of: "**", with: replacement.description)
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousWasStar = false
        for byte in utf8 {
            if byte == UInt8(ascii: "*") && previousWasStar {
                out.removeLast()
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                previousWasStar = false
                continue
            }
            previousWasStar = byte == UInt8(ascii: "*")
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func scan(_ bytes: some Collection<UInt8>) -> (hasStar: Bool, isASCII: Bool) {
        var hasStar = false, isASCII = true
        for byte in bytes {
            hasStar = hasStar || byte == UInt8(ascii: "*")
            isASCII = isASCII && byte < 0x80
        }
        return (hasStar, isASCII)
    }
}
