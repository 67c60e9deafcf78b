/// One token of a text: where it is (UTF-8 byte offsets, end exclusive), what the vocabulary
/// calls it, and what classes it belongs to. Kept small (20 bytes): a megabyte of prose has
/// ~170,000, and the matcher reads them more than once.
struct Token: Equatable {
    /// Byte offset of the first byte.
    var start: Int32
    /// Byte offset past the last byte.
    var end: Int32
    /// Vocabulary id of the token's normalized stem (`rolled` → `rol`), or -1 when unknown.
    var stem: Int32
    /// Vocabulary id of the token's exact normalized form, looked up only for stems some pattern
    /// quotes exactly (`"was"`); -1 otherwise.
    var exact: Int32
    /// `TokenClass` bits in the low 24 bits (every class fits), break flags in the top 8.
    private var classesAndFlags: UInt32

    init(start: Int32, end: Int32, stem: Int32, exact: Int32, classes: UInt32, flags: UInt8) {
        assert(classes >> 24 == 0, "token classes fit in 24 bits")
        self.start = start
        self.end = end
        self.stem = stem
        self.exact = exact
        classesAndFlags = classes & 0x00FF_FFFF | UInt32(flags) << 24
    }

    /// `TokenClass` bits.
    var classes: UInt32 { classesAndFlags & 0x00FF_FFFF }
    /// `Token.breakBefore` / `Token.softBreakBefore`.
    var flags: UInt8 { UInt8(truncatingIfNeeded: classesAndFlags >> 24) }

    /// Punctuation, a line break or a skipped region stands between this token and the previous
    /// one: no phrase spans it.
    static let breakBefore: UInt8 = 1
    /// A comma or colon stands before this token: phrases may span it, negation scope may not.
    static let softBreakBefore: UInt8 = 2
}

/// A token as the scanner finds it, before vocabulary lookup. Small and flat: one is made per
/// word of the text.
struct ScannedToken {
    var start: Int32
    var end: Int32
    /// Classes read off the token's shape (number, time, date, ordinal, word, name, possessive).
    var shape: TokenClass
    /// When the scanner was given an output buffer and the token is plain ASCII: how many
    /// normalized bytes it wrote. -1 when the caller must normalize the token itself.
    var normalizedLength: Int32
    var flags: UInt8
    var traits: UInt8

    /// Any byte ≥ 0x80 in the token.
    static let nonASCII: UInt8 = 1
    static let hasDigit: UInt8 = 2
    /// `3 pm` merged into one time token.
    static let merged: UInt8 = 4
    /// Joins words with `-`, `_`, `.`, `:` or `/`, or has a camelCase hump.
    static let identifierLike: UInt8 = 8

    var nonASCII: Bool { traits & ScannedToken.nonASCII != 0 }
    var hasDigit: Bool { traits & ScannedToken.hasDigit != 0 }
    var merged: Bool { traits & ScannedToken.merged != 0 }
    var identifierLike: Bool { traits & ScannedToken.identifierLike != 0 }
    var startIndex: Int { Int(start) }
    var endIndex: Int { Int(end) }
}
