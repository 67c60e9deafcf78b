/// Words a draft quotes or states as a sentence of its own, such as a correction's "what we said"
/// and "what is true now". People type them without a final period (a quote rarely has one) and
/// sometimes with double quotes inside; a draft puts them between double quotes and follows them
/// with another sentence, so both need care or the sentences run together.
enum QuotedWords {
    /// `text` made fit to stand between double quotes as a whole sentence: inner double quotes
    /// become single quotes (straight `"` → `'`, curly “ ” → ‘ ’), and a period is added when
    /// it does not already end in `.`, `!`, `?` or `…` (looking inside a closing quote).
    static func quotable(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.unicodeScalars.append("'")
            case "\u{201C}": out.unicodeScalars.append("\u{2018}")
            case "\u{201D}": out.unicodeScalars.append("\u{2019}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return sentence(out)
    }

    /// `text` ending as a sentence: a period added unless it already ends in `.`, `!`, `?` or `…`,
    /// before any closing quotes or brackets. Empty text stays empty.
    static func sentence(_ text: String) -> String {
        let closers: Set<Character> = ["'", "\"", "\u{2019}", "\u{201D}", ")", "]"]
        guard let last = text.last(where: { !closers.contains($0) }) else { return text }
        return ".!?\u{2026}".contains(last) ? text : text + "."
    }
}
