/// What the phrasebook-driven rules share: turning kept phrase matches of a category into
/// findings with the entry's message, suggestion and (for unambiguous substitutions) fix.
enum PhraseRuleSupport {
    static func findings(of category: FindingCategory, rule: String, _ context: RuleContext,
                         into findings: inout RawFindings, labelled: ((Int) -> Bool)? = nil) {
        guard let matches = context.document.matches[category] else { return }
        let phrasebook = context.phrasebook
        let bytes = context.document.bytes
        for match in matches {
            let text = context.document.text(match.start, match.end)
            let suggestion = phrasebook.suggestionTexts[match.entry]
            var message = phrasebook.messages[match.entry].render(match: text, suggestion: suggestion)
            var fix: String?
            if let form = phrasebook.fixForms[match.entry], let substitute = phrasebook.fixSubstitutes[match.entry],
               bytes.withUnsafeBufferPointer({ writtenAsListed($0, match.start, match.end, form) }) {
                fix = cased(substitute, like: text, atSentenceStart: isSentenceStart(match.start, bytes))
            }
            var reported = category
            if let labelled, labelled(match.start) {
                reported = .labelledSpeculation
                message += " (in a section labelled as a hypothesis)"
            }
            findings.append(rule: rule, category: reported, start: match.start, end: match.end, match: text, message: message,
                            suggestion: suggestion, fix: fix, term: phrasebook.entryPhrases[match.entry])
        }
    }

    /// Lowercase, `’` as `'`, runs of whitespace as one space: how a term is compared with its
    /// listing for `--fix`.
    static func normalized(_ text: String) -> [UInt8] {
        Array(text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").utf8)
    }

    /// Whether `bytes[start..<end]` is `form` (from `normalized`), ignoring ASCII case and the
    /// amount of whitespace. Non-ASCII text compares byte for byte.
    static func writtenAsListed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ form: [UInt8]) -> Bool {
        var i = start, k = 0
        while i < end {
            var b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") {
                while i + 1 < end, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(bytes[i + 1]) { i += 1 }
                b = UInt8(ascii: " ")
            } else if b >= 65, b <= 90 {
                b |= 0x20
            }
            guard k < form.count, form[k] == b else { return false }
            i += 1
            k += 1
        }
        return k == form.count
    }

    /// `replacement` capitalized when the match starts a sentence with a capital
    /// (`Rollback failed` → `Reversal of the recent change failed`), as written otherwise.
    static func cased(_ replacement: String, like match: String, atSentenceStart: Bool) -> String {
        guard atSentenceStart, let first = match.first, first.isUppercase else { return replacement }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }

    private static func isSentenceStart(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        var k = offset - 1
        while k >= 0, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "*") || bytes[k] == UInt8(ascii: "_") { k -= 1 }
        guard k >= 0 else { return true }
        return ".!?\n:>-#".utf8.contains(bytes[k])
    }
}
