/// Text made safe to print on a terminal or in a log line: control characters (a newline could
/// forge a whole log line; ESC starts terminal escape sequences), bidirectional controls (U+202E
/// reverses what follows), invisible format characters (U+2060, zero-width spaces, U+FEFF) and
/// line or paragraph separators are written as `\u{…}`, so user text can neither forge a line
/// nor reorder what the reader sees.
public enum TerminalText {
    /// `text` with every control, bidi and format character escaped; `\n` kept only when
    /// `keepingLineBreaks` is true, `\t` kept always.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n", keepingLineBreaks { out.append(scalar); continue }
            if scalar == "\t" { out.append(scalar); continue }
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` on one line: every unsafe character, line breaks included, written as `\u{…}`
    /// (tabs kept). For one field of a line: an author, a note, a reason.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return escaped(text)
    }

    /// Controls (C0, DEL, C1), line and paragraph separators, and format characters (bidi
    /// embeddings, overrides and isolates, zero-width characters, the byte-order mark).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    /// `needsEscape`, and the fillers that render as nothing although they are letters by
    /// category (U+115F, U+1160, U+3164, U+FFA0) and U+180E: a character that does not stand
    /// for itself on screen.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        needsEscape(scalar) || [0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E].contains(scalar.value)
    }

    /// The first unsafe character in `text`, named for an error message ("U+202E"), or nil.
    public static func firstUnsafe(in text: String) -> String? {
        guard let scalar = text.unicodeScalars.first(where: isUnsafe) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` as printed to a terminal by the command line: every unsafe character escaped but
    /// line breaks and tabs, and each of `words` (what the person typed: arguments, option
    /// values) that holds an unsafe character, line breaks included, escaped on one line wherever
    /// it appears, so an argument echoed in a message cannot forge a line of its own. Words with
    /// fewer than three other characters are left to the character escaping (a bare `"\n"` must
    /// not turn every line break into `\u{A}`).
    public static func escaped(_ text: String, echoing words: [String]) -> String {
        var out = text
        let hostile = Set(words.filter { word in
            word.unicodeScalars.contains(where: isUnsafe) && word.unicodeScalars.filter { !isUnsafe($0) }.count >= 3
        }).sorted { $0.count > $1.count } // longest first: a word inside another is escaped with it
        for word in hostile where out.contains(word) {
            out = out.replacingOccurrences(of: word, with: escape(word))
        }
        return escaped(out, keepingLineBreaks: true)
    }

    /// JSON text with every unsafe character inside its strings written as a `\uXXXX` escape
    /// (a surrogate pair above U+FFFF), so the JSON means the same and is safe to print. Outside
    /// strings valid JSON holds only ASCII whitespace, which is kept.
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isUnsafe($0) && !["\n", "\t", "\r", " "].contains($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard isUnsafe(scalar), !["\n", "\t", "\r"].contains(scalar) else { out.append(scalar); continue }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(out)
    }
}

