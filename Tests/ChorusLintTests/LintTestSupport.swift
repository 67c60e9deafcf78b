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

/// The tokens of `text` as the linter reads them: text and whether they are phrasebook words.
func tokenTexts(_ text: String) throws -> [String] {
    let document = Document(text, phrasebook: try Shipped.phrasebook)
    return document.tokens.map { document.text(Int($0.start), Int($0.end)) }
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
