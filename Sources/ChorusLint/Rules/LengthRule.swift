/// A draft longer than the audience's limit (`LintPolicy.lengthLimit`, in characters; HTML
/// comments, which readers never see, do not count).
struct LengthRule: Rule {
    static let short = LintPolicy(severities: [:], lengthLimit: 40)

    let description = RuleDescription(
        id: "length-limit",
        name: "Length",
        categories: [.length],
        summary: "Reports a draft longer than the audience's length limit, from the first character over it.",
        rationale: """
            Channels have limits (an SMS, a status-page summary, a Slack preview), and long updates \
            bury the one line readers need. The finding starts at the first character past the limit \
            and runs to the end of the draft.
            """,
        triggeringExamples: [
            RuleExample("We are investigating errors on checkout.↓ More details to follow.", policy: LengthRule.short),
        ],
        nonTriggeringExamples: [
            RuleExample("We are investigating errors on checkout.", policy: LengthRule.short),
            RuleExample("Checkout errors. <!-- a long note for editors that readers never see -->", policy: LengthRule.short),
            RuleExample("No limit applies to this audience, however long the draft runs on and on.",
                        policy: LintPolicy(severities: [:])),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        guard let limit = context.policy.lengthLimit, limit >= 0 else { return }
        let text = context.text
        let comments = context.document.regions.comments.map(\.whole)
        if context.document.regions.isASCII {
            // ASCII: every byte is a character, except that "\r\n" is one.
            var count = 0, overflow: Int?
            let bytes = context.document.bytes
            do {
                var commentIndex = 0
                var i = 0
                while i < bytes.count {
                    if commentIndex < comments.count, i >= comments[commentIndex].lowerBound {
                        i = max(i, comments[commentIndex].upperBound)
                        commentIndex += 1
                        continue
                    }
                    if bytes[i] != UInt8(ascii: "\n") || i == 0 || bytes[i - 1] != UInt8(ascii: "\r") {
                        count += 1
                        if overflow == nil, count > limit { overflow = i }
                    }
                    i += 1
                }
            }
            if let overflow { report(from: overflow, count: count, limit: limit, context, into: &findings) }
            return
        }
        var count = 0
        var overflow: String.Index?
        if comments.isEmpty {
            // Fast path: no hidden text.
            guard text.count > limit else { return }
            overflow = text.index(text.startIndex, offsetBy: limit)
            count = text.count
        } else {
            var commentIndex = 0
            var byte = 0
            var previous = text.startIndex
            for index in text.indices {
                byte += text.utf8.distance(from: previous, to: index)
                previous = index
                while commentIndex < comments.count, comments[commentIndex].upperBound <= byte { commentIndex += 1 }
                if commentIndex < comments.count, comments[commentIndex].contains(byte) { continue }
                count += 1
                if overflow == nil, count > limit { overflow = index }
            }
        }
        guard let overflow, count > limit else { return }
        report(from: text.utf8.distance(from: text.utf8.startIndex, to: overflow), count: count, limit: limit, context,
               into: &findings)
    }

    /// The finding: from the first character over the limit (at byte `start`) to the end.
    private func report(from start: Int, count: Int, limit: Int, _ context: RuleContext, into findings: inout RawFindings) {
        let over = count - limit
        findings.append(rule: description.id, category: .length, start: start, end: context.document.bytes.count,
            match: context.document.text(start, context.document.bytes.count),
            message: "the draft is \(count) characters; this audience's limit is \(limit) (\(over) over)",
            suggestion: "shorten it by \(over) character\(over == 1 ? "" : "s")", fix: nil, term: nil)
    }
}
