/// The built-in classes a token can belong to, read off its shape and a few word lists. A
/// phrasebook pattern names them as placeholders (`{number}`, `{time}`, …); a placeholder matches
/// any one token of its class.
struct TokenClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// Any token with at least one letter.
    static let word = TokenClass(rawValue: 1 << 0)
    /// Digits (`15`, `2.5`, `1,000`, `99.9%`), a range (`1-2`, `15–30`), or a number word (`five`).
    static let number = TokenClass(rawValue: 1 << 1)
    /// A clock time: `14:00`, `9:30:00`, `3pm`, `16h30`, `12:30UTC`, `noon`, `midnight`.
    static let time = TokenClass(rawValue: 1 << 2)
    /// A date: `2024-05-01`, `2024/05/01`.
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
    /// A capitalized word that is not a common function word: a likely name.
    static let name = TokenClass(rawValue: 1 << 9)
    /// A word written with a possessive `'s` (`vendor's`), other than contractions such as `it's`.
    static let possessive = TokenClass(rawValue: 1 << 10)
    /// A number and a unit written as one word: `20min`, `15m`, `2h`, `10-20min`, `45minutes`.
    static let duration = TokenClass(rawValue: 1 << 11)
    /// Capitals (and digits) only, two characters or more, at least one letter: `DNS`, `EC2`, `5XX`.
    static let acronym = TokenClass(rawValue: 1 << 12)
    /// Starts with a capital letter.
    static let capitalized = TokenClass(rawValue: 1 << 13)
    /// Code, a URL, a quotation or a tag: text the phrase rules do not read. Only a gap passes it.
    static let opaque = TokenClass(rawValue: 1 << 14)
    /// Punctuation: `,` `:` `(` `/` … (sentence-ending punctuation never reaches a pattern).
    static let punctuation = TokenClass(rawValue: 1 << 15)
    /// Letters and digits mixed in one word that is no time, date, duration, ordinal or version:
    /// `s390x`, `arm64`, `publick8s`, `us-east-1`, `20Gbps`.
    static let alphanumeric = TokenClass(rawValue: 1 << 16)
    /// A path: `/api/v2/logs`, `/bash`.
    static let path = TokenClass(rawValue: 1 << 17)
    /// A capital followed by small letters: `Azure`, `GitHub` (not `HOWEVER`).
    static let titleCase = TokenClass(rawValue: 1 << 18)
    /// A mark that ends a sentence: `.` `!` `?` `...` (no placeholder names it; gaps stop there).
    static let sentenceEnd = TokenClass(rawValue: 1 << 19)
    /// Grammar facts the clause splitter reads, found once per distinct word (no placeholder
    /// names them): a conjunction that opens a clause (`but`, `because`, `which`…), …
    static let clauseOpener = TokenClass(rawValue: 1 << 20)
    /// … a subject pronoun (`we`, `they`, `it`…), …
    static let subjectPronoun = TokenClass(rawValue: 1 << 21)
    /// … and `and`, `or`, `nor`, `so`.
    static let coordinator = TokenClass(rawValue: 1 << 22)

    /// Placeholder names as written in the phrasebook, in the order the README lists them.
    static let placeholders: [(name: String, tokenClass: TokenClass)] = [
        ("word", .word), ("number", .number), ("time", .time), ("date", .date), ("ordinal", .ordinal),
        ("unit", .unit), ("zone", .zone), ("weekday", .weekday), ("month", .month), ("name", .name),
        ("possessive", .possessive), ("number-unit", .duration), ("acronym", .acronym), ("capitalized", .capitalized),
        ("alphanumeric", .alphanumeric), ("path", .path),
    ]

    /// The class a placeholder name stands for.
    static func placeholder(named name: String) -> TokenClass? {
        placeholders.first { $0.name == name }?.tokenClass
    }
}
