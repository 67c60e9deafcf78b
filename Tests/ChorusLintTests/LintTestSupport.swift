@testable import ChorusLint

/// Every phrase category an error, nothing document-level: findings of the text's phrases only.
let phrasePolicy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map {
    ($0, [.cadence, .length, .suppression].contains($0) ? Severity.off : .error)
}))

/// Lints with the shipped phrasebook.
func lint(_ text: String, policy: LintPolicy = phrasePolicy, components: [ComponentName] = []) throws -> [Finding] {
    try Shipped.linter.lint(text, policy: policy, componentNames: components)
}

/// `(category, match)` pairs, the usual thing to compare.
func found(_ text: String, policy: LintPolicy = phrasePolicy, components: [ComponentName] = []) throws -> [String] {
    try lint(text, policy: policy, components: components).map { "\($0.category.rawValue): \($0.match)" }
}

/// The tokens of `text` as the linter reads them.
func tokenTexts(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    let regions = TextRegions.scan(bytes)
    return Tokenizer.tokenize(bytes, skipping: regions.skipped).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
}

/// The tokens of `text`, unskipped.
func tokens(_ text: String) -> [Token] {
    Tokenizer.tokenize(Array(text.utf8), skipping: [])
}

/// The clauses of `text`, each as its tokens' text joined by spaces.
func clauseTexts(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    let all = Tokenizer.tokenize(bytes, skipping: [])
    return Clauses(all).clauses.map { clause in
        clause.tokens.map { String(decoding: bytes[all[$0].start..<all[$0].end], as: UTF8.self) }.joined(separator: " ")
    }
}

/// A phrasebook from one file's text, or the error it raises.
func compile(_ text: String, name: String = "test.txt") -> Result<Phrasebook, PhrasebookError> {
    Result { () throws(PhrasebookError) in try Phrasebook.parse([(name: name, text: text)]) }
}

/// The problems a phrasebook text raises, as `line:column: message`.
func problems(_ text: String) -> [String] {
    guard case .failure(let error) = compile(text) else { return [] }
    return error.problems.map { "\($0.line):\($0.column): \($0.message)" }
}
