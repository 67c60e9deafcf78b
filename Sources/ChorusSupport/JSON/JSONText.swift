/// Writing JSON text by hand where the exact bytes matter (schemas, journals, exports).
public enum JSONText {
    /// `value` as a JSON string literal: quotes, backslashes and control characters escaped;
    /// `<`, `>` and `&` too, so the text is inert if pasted into HTML.
    public static func quote(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count + 2)
        append(quoted: value, to: &out)
        return out
    }

    /// Appends `value` as a JSON string literal (as `quote` writes it) to `out`.
    ///
    /// Works on UTF-8 bytes: runs that need no escape are copied whole. Every escaped character
    /// is ASCII except U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`), and no other character's
    /// UTF-8 contains those bytes in that order, so every cut falls between characters.
    public static func append(quoted value: String, to out: inout String) {
        out += "\""
        let utf8 = value.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            var next = utf8.index(after: index)
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case 0xE2:
                escape = lineSeparatorEscape(utf8, after: next)
                if escape != nil { next = utf8.index(next, offsetBy: 2) }
            default:
                escape = byte < 0x20 || byte == 0x7F ? controlEscape(byte) : nil
            }
            if let escape {
                if runStart != index { out += value[runStart..<index] }
                out += escape
                runStart = next
            }
            index = next
        }
        if runStart != utf8.endIndex { out += value[runStart...] }
        out += "\""
    }

    /// `\u2028` or `\u2029` when the bytes after an `E2` lead byte are `80 A8` or `80 A9`.
    private static func lineSeparatorEscape(_ utf8: String.UTF8View, after index: String.Index) -> String? {
        guard index != utf8.endIndex, utf8[index] == 0x80 else { return nil }
        let third = utf8.index(after: index)
        guard third != utf8.endIndex else { return nil }
        switch utf8[third] {
        case 0xA8: return "\\u2028"
        case 0xA9: return "\\u2029"
        default: return nil
        }
    }

    /// `\u00XX` in lowercase hex.
    private static func controlEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
