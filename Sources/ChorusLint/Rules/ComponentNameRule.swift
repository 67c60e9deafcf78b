/// The internal names of the incident's components (given by the caller, e.g. from the state),
/// with the component's public name as the suggestion and the fix.
struct ComponentNameRule: Rule {
    static let components = [
        ComponentName(internalName: "pgbouncer-eu", publicName: "Database (EU)"),
        ComponentName(internalName: "ledger", publicName: "Billing"),
    ]

    let description = RuleDescription(
        id: "component-name",
        name: "Component name",
        categories: [.internalName],
        summary: "Finds the internal names of the incident's components and suggests their public names.",
        rationale: """
            When a state is given (`chorus lint --state FILE`), every component's internal name is \
            looked for as a whole word, case-insensitively, and its public name is suggested; `--fix` \
            substitutes it.
            """,
        triggeringExamples: [
            RuleExample("↓pgbouncer-eu is overloaded.", components: ComponentNameRule.components),
            RuleExample("The ↓Ledger service is slow.", components: ComponentNameRule.components),
        ],
        nonTriggeringExamples: [
            RuleExample("Billing is slow.", components: ComponentNameRule.components),
            RuleExample("See https://status.example.com/ledger for history.", components: ComponentNameRule.components),
            RuleExample("The general ledgers are fine.", components: ComponentNameRule.components),
        ])

    func check(_ context: RuleContext, into findings: inout RawFindings) {
        let hidden = context.document.regions.hidden
        for component in context.components {
            let name = Array(component.internalName.utf8).map(asciiLower)
            guard let first = name.first, component.internalName.lowercased() != component.publicName.lowercased() else { continue }
            // The first byte's other case, when it is a letter: the scan looks for either.
            let firstUpper = first >= 97 && first <= 122 ? first & ~0x20 : first
            var found: [Range<Int>] = []
            let bytes = context.document.bytes
            do {
                let last = bytes.count - name.count
                var i = 0
                var hiddenIndex = 0
                while i <= last {
                    let hiddenStart = hiddenIndex < hidden.count ? hidden[hiddenIndex].lowerBound : Int.max
                    if i >= hiddenStart {
                        i = max(i, hidden[hiddenIndex].upperBound)
                        hiddenIndex += 1
                        continue
                    }
                    // Jump to the next byte that can start the name, before the next hidden region.
                    let stretchEnd = min(hiddenStart, last + 1)
                    while i < stretchEnd, bytes[i] != first, bytes[i] != firstUpper { i += 1 }
                    guard i < stretchEnd else { continue }
                    if matches(name, at: i, in: bytes), !isWordByte(i > 0 ? bytes[i - 1] : 0),
                       isBoundary(after: i + name.count, in: bytes) {
                        found.append(i..<i + name.count)
                        i += name.count
                    } else {
                        i += 1
                    }
                }
            }
            let wording = FindingWording(
                rule: description.id, template: MessageTemplate("'{match}' is an internal component name; readers know it as '{suggestion}'"),
                suggestion: component.publicName, fix: component.publicName)
            for range in found {
                findings.append(wording, category: .internalName, start: range.lowerBound, end: range.upperBound,
                                match: context.document.text(range.lowerBound, range.upperBound), term: component.internalName)
            }
        }
    }

    private func asciiLower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    private func matches(_ name: [UInt8], at i: Int, in bytes: [UInt8]) -> Bool {
        for k in 0..<name.count where asciiLower(bytes[i + k]) != name[k] { return false }
        return true
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b >= 0x80
    }

    /// The name ends here: no word character follows, nor a `-`, `.` or `_` that continues it.
    private func isBoundary(after end: Int, in bytes: [UInt8]) -> Bool {
        guard end < bytes.count else { return true }
        let b = bytes[end]
        let alnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
        if alnum || b == UInt8(ascii: "_") { return false }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
            let next = end + 1 < bytes.count ? bytes[end + 1] : 0
            return !((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122))
        }
        return true
    }
}
