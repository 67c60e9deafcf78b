/// Findings as rules report them, before the linter applies the policy: `start`/`end` are still
/// UTF-8 byte offsets and `line`/`column` are unset. Each finding has the phrasebook term behind
/// it (checked against the allow list) in the parallel `terms`.
struct RawFindings {
    var findings: [Finding] = []
    var terms: [String?] = []

    var count: Int { findings.count }

    mutating func append(rule: String, category: FindingCategory, start: Int, end: Int, match: String, message: String,
                         suggestion: String?, fix: String? = nil, term: String?) {
        findings.append(Finding(rule: rule, category: category, severity: .error, message: message, match: match,
                                start: start, end: end, line: 0, column: 0, suggestion: suggestion, fix: fix))
        terms.append(term)
    }
}

/// What every rule gets to look at.
struct RuleContext {
    let text: String
    let document: Document
    let phrasebook: Phrasebook
    let policy: LintPolicy
    let components: [ComponentName]
}
