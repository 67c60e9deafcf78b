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
    /// Works on the contiguous UTF-8 bytes: runs that need no escape are copied whole. Every
    /// escaped character is ASCII except U+2028 and U+2029 (`E2 80 A8`, `E2 80 A9`), and no other
    /// character's UTF-8 holds those bytes in that order, so every cut falls between characters.
    public static func append(quoted value: String, to out: inout String) {
        out += "\""
        let utf8 = value.utf8
        let appended: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            func cut(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) } // O(1): native UTF-8
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
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
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    escape = byte < 0x20 || byte == 0x7F ? controlEscape(byte) : nil
                }
                if let escape {
                    if runStart < index { out += value[cut(runStart)..<cut(index)] }
                    out += escape
                    runStart = index + width
                }
                index += width
            }
            if runStart < bytes.count { out += value[cut(runStart)...] }
            out += "\""
        }
        if appended == nil {
            // A string without contiguous UTF-8 (bridged, say): quote a native copy.
            out.removeLast()
            append(quoted: String(decoding: Array(utf8), as: UTF8.self), to: &out)
        }
    }

    /// `\u00XX` in lowercase hex.
    private static func controlEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
