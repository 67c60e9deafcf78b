/// One token of a text: where it is (UTF-8 byte offsets, end exclusive), what the vocabulary
/// calls it, and what classes it belongs to. Kept small: a megabyte of prose has ~200,000.
struct Token {
    /// Byte offset of the first byte.
    var start: Int32
    /// Byte offset past the last byte.
    var end: Int32
    /// Vocabulary id of the token's normalized stem (`rolled` → `rol`), or -1 when unknown.
    var stem: Int32
    /// Vocabulary id of the token's exact normalized form, looked up only for stems some pattern
    /// quotes exactly (`"was"`); -1 otherwise.
    var exact: Int32
    /// `TokenClass` bits.
    var classes: UInt32
    /// `Token.breakBefore` / `Token.softBreakBefore`.
    var flags: UInt8
    /// The token joins words with `-`, `_`, `.`, `:` or `/`, or has a camelCase hump: it may
    /// be an internal name.
    var identifierLike: Bool

    /// Punctuation, a line break or a skipped region stands between this token and the previous
    /// one: no phrase spans it.
    static let breakBefore: UInt8 = 1
    /// A comma or colon stands before this token: phrases may span it, negation scope may not.
    static let softBreakBefore: UInt8 = 2
}

/// A token as the scanner finds it, before vocabulary lookup.
struct ScannedToken {
    var start: Int
    var end: Int
    /// Classes read off the token's shape (number, time, date, ordinal, word, name, possessive).
    var shape: TokenClass
    var flags: UInt8
    /// Any byte ≥ 0x80 in the token.
    var nonASCII: Bool
    var hasDigit: Bool
    /// `3 pm` merged into one time token.
    var merged: Bool
    /// Joins words with `-`, `_`, `.`, `:` or `/`, or has a camelCase hump.
    var identifierLike: Bool
}
