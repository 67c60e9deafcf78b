/// A finding as a rule reports it: byte offsets, no severity yet.
struct RawFinding {
    var rule: String
    var category: FindingCategory
    /// UTF-8 byte offsets in the text, end exclusive.
    var start: Int
    var end: Int
    var message: String
    var suggestion: String?
    var fix: String?
    /// The phrasebook term behind the finding, checked against the policy's allow list.
    var term: String?
}

/// What every rule gets to look at.
struct RuleContext {
    let text: String
    let document: Document
    let phrasebook: Phrasebook
    let policy: LintPolicy
    let components: [ComponentName]
}
