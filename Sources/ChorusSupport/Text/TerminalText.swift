/// Text made safe to print on a terminal: control characters (other than the line breaks and
/// tabs asked for), bidi overrides and invisible format characters are written as `\u{…}`, so user
/// text can neither forge a line nor reorder what the reader sees.
public enum TerminalText {
    /// `text` with every control, bidi and format character escaped; `\n` kept only when
    /// `keepingLineBreaks` is true, `\t` kept always.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n", keepingLineBreaks { out.append(scalar); continue }
            if scalar == "\t" { out.append(scalar); continue }
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Controls (C0, DEL, C1), line and paragraph separators, and format characters (bidi
    /// embeddings, overrides and isolates, zero-width characters, the byte-order mark).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
