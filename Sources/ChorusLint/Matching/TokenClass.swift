/// The classes a token can belong to. A phrasebook pattern names them as placeholders
/// (`{number}`, `{time}`, …); a placeholder matches any one token of its class. Bits 0–23 only:
/// `Token` keeps its break flags above them.
struct TokenClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// Any token with at least one letter.
    static let word = TokenClass(rawValue: 1 << 0)
    /// Digits (`15`, `2.5`, `1,000`, `99.9%`) or a number word (`five`, `twenty`).
    static let number = TokenClass(rawValue: 1 << 1)
    /// A clock time: `14:00`, `9:30:00`, `3pm`, `3 pm`, `3:30 p.m.`, `noon`, `midnight`.
    static let time = TokenClass(rawValue: 1 << 2)
    /// An ISO date: `2024-05-01`.
    static let date = TokenClass(rawValue: 1 << 3)
    /// `1st`, `22nd`, `3rd`, `4th`, and the words `first` … `tenth`.
    static let ordinal = TokenClass(rawValue: 1 << 4)
    /// A duration unit: `second`, `minute`, `min`, `hour`, `hr`, `day`, `week`, `month`.
    static let unit = TokenClass(rawValue: 1 << 5)
    /// A time zone: `UTC`, `GMT`, `PST`, `CET`, `ET`, …
    static let zone = TokenClass(rawValue: 1 << 6)
    /// `Monday` … `Sunday`, and `Mon` … `Sun`.
    static let weekday = TokenClass(rawValue: 1 << 7)
    /// `January` … `December`, and `Jan` … `Dec`.
    static let month = TokenClass(rawValue: 1 << 8)
    /// A capitalized word that is not a common function word: a likely personal name.
    static let name = TokenClass(rawValue: 1 << 9)
    /// A word ending in `'s` (`vendor's`), other than contractions such as `it's`.
    static let possessive = TokenClass(rawValue: 1 << 10)

    /// Not a placeholder: marks vocabulary words that are never personal names (`The`, `We`).
    static let notName = TokenClass(rawValue: 1 << 20)
    /// Not a placeholder: conjunctions that start a new clause (`and`, `but`), where a negation's
    /// reach ends.
    static let clauseBoundary = TokenClass(rawValue: 1 << 21)

    /// Placeholder names as written in the phrasebook, in the order the README lists them.
    static let placeholders: [(name: String, tokenClass: TokenClass)] = [
        ("word", .word), ("number", .number), ("time", .time), ("date", .date), ("ordinal", .ordinal),
        ("unit", .unit), ("zone", .zone), ("weekday", .weekday), ("month", .month), ("name", .name),
        ("possessive", .possessive),
    ]

    /// The class a placeholder name stands for.
    static func placeholder(named name: String) -> TokenClass? {
        placeholders.first { $0.name == name }?.tokenClass
    }

    /// The placeholder name of a single class, for messages.
    var placeholderName: String {
        TokenClass.placeholders.first { $0.tokenClass == self }.map { "{\($0.name)}" } ?? "{?}"
    }
}
