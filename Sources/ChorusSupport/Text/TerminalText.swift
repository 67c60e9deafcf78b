/// Text made safe for a terminal or a log line: characters that could forge output are shown
/// as visible escapes instead of acting.
///
/// Control characters (a newline could forge a whole log line; ESC starts terminal escape
/// sequences), bidirectional controls (U+202E reverses what follows), invisible format
/// characters (U+2060, zero-width spaces, U+FEFF) and line or paragraph separators each become
/// `\u{XXXX}`; everything else is kept as is.
public enum TerminalText {
    /// Whether `scalar` is a control, format (bidi, zero-width, invisible) or separator
    /// character: one that does not stand for itself on screen.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            // Fillers that render as nothing but are letters by category.
            return [0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E].contains(scalar.value)
        }
    }

    /// `text` with every unsafe character written as `\u{XXXX}`.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The first unsafe character in `text`, named for an error message ("U+202E"), or nil.
    public static func firstUnsafe(in text: String) -> String? {
        guard let scalar = text.unicodeScalars.first(where: isUnsafe) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
