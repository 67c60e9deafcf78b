/// One token of a text: a word, a number, a punctuation mark, or an opaque stretch (code, a URL,
/// a quotation, a tag) that the phrase rules do not read.
struct Token: Sendable, Equatable {
    /// What stands between this token and the previous one.
    enum Spacing: UInt8, Sendable, Comparable {
        /// Nothing: `down.` or `on-call` parts.
        case none
        /// Spaces or tabs.
        case space
        /// One line break.
        case line
        /// A blank line (or the start of the text).
        case paragraph

        static func < (a: Spacing, b: Spacing) -> Bool { a.rawValue < b.rawValue }
    }

    /// UTF-8 byte offsets, end exclusive.
    var start: Int
    var end: Int
    /// The form patterns compare with: lowercase, `’` as `'`, hyphens dropped from words without
    /// digits (`roll-back` is `rollback`), a possessive `'s` dropped. Punctuation is itself
    /// (dashes as `—`, curly quotes straightened); an opaque token's key is empty.
    var key: String
    /// The number of `key` in the phrasebook's lexicon (`Lexicon.unknown` when no pattern
    /// mentions it): what the matcher compares.
    var id: Int32 = Lexicon.unknown
    var classes: TokenClass
    var spacing: Spacing

    var isWord: Bool { classes.contains(.word) || classes.contains(.number) }
    var isOpaque: Bool { classes.contains(.opaque) }
    var isPunctuation: Bool { classes.contains(.punctuation) }
}
