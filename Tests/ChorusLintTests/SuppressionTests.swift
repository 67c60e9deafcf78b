@testable import ChorusLint
import Testing

@Suite("Suppression and policy")
struct SuppressionTests {
    static let withSuppression = LintPolicy(severities: [.cadence: .off])

    @Test func disableLineAndNextLineByCategoryOrRule() throws {
        let text = """
            A fix within the hour. <!-- chorus-disable-line eta -->
            <!-- chorus-disable-next-line plain-language -->
            We started a rollback and it is probably done.
            A fix within the hour.
            """
        #expect(try lint(text, policy: Self.withSuppression).map { "\($0.line): \($0.match)" }
            == ["3: probably", "4: within the hour"])
    }

    @Test func speculationCoversLabelledSpeculation() throws {
        let text = "Hypothesis: probably the disk. <!-- chorus-disable-line speculation -->"
        #expect(try lint(text, policy: Self.withSuppression).map(\.rule) == [])
    }

    @Test func unusedUnknownAndMalformedSuppressionsAreReported() throws {
        let text = """
            All clear. <!-- chorus-disable-line eta -->
            A fix within the hour. <!-- chorus-disable-line eta, blame -->
            Fine. <!-- chorus-disable-line eat -->
            Fine. <!-- chorus-disable-lines eta -->
            Fine. <!-- chorus-disable-next-line -->
            Fine. <!-- a note for editors: chorus-disable-line is how you silence a line -->
            """
        let findings = try lint(text, policy: Self.withSuppression)
        #expect(findings.allSatisfy { $0.rule == "unused-suppression" && $0.category == .suppression && $0.severity == .warning })
        #expect(findings.map { "\($0.line):\($0.column) \($0.match) — \($0.message)" } == [
            "1:12 <!-- chorus-disable-line eta --> — 'chorus-disable-line eta' suppressed nothing; remove it",
            "2:54 blame — 'blame' in 'chorus-disable-line' suppressed nothing; remove it",
            "3:7 <!-- chorus-disable-line eat --> — 'eat' is not a category or rule; did you mean 'eta'?",
            "4:7 <!-- chorus-disable-lines eta --> — 'chorus-disable-lines' is not a Chorus directive; did you mean 'chorus-disable-line'?",
            "5:7 <!-- chorus-disable-next-line --> — 'chorus-disable-next-line' names no category; write e.g. 'chorus-disable-next-line eta'",
        ])
    }

    @Test func suppressionsOfWhatThePolicyTurnsOffAreNotStale() throws {
        let policy = LintPolicy(severities: [.jargon: .off, .cadence: .off])
        #expect(try lint("All clear. <!-- chorus-disable-line jargon -->", policy: policy) == [])
        // …and a suppression written for a stricter audience is used, not stale, under it.
        #expect(try lint("A rollback. <!-- chorus-disable-line jargon -->", policy: Self.withSuppression) == [])
    }

    @Test func severitiesComeFromThePolicy() throws {
        let policy = LintPolicy(severities: [.speculation: .warning, .jargon: .off, .eta: .error])
        let findings = try lint("We probably need a rollback within the hour.", policy: policy)
        #expect(findings.map { "\($0.severity.rawValue): \($0.match)" } == ["warning: probably", "error: within the hour"])
    }

    @Test func allowListMatchesTheTermOrTheText() throws {
        // "rolled back" is found by the entry "roll back": allowing "rollback" does not cover it.
        let narrow = LintPolicy(severities: [.cadence: .off], allow: ["Rollback", "payments-api"])
        #expect(try lint("We rolled back payments-api; latency rose.", policy: narrow).map(\.match) == ["rolled back", "latency"])
        let policy = LintPolicy(severities: [.cadence: .off], allow: ["Roll Back", "payments-api"])
        #expect(try lint("We rolled back payments-api; latency rose.", policy: policy).map(\.match) == ["latency"])
    }

    @Test func lengthLimitCountsCharactersButNotComments() throws {
        let policy = LintPolicy(severities: [.cadence: .off], lengthLimit: 10)
        #expect(try lint("Ten chars!<!-- a comment readers never see -->", policy: policy) == [])
        let findings = try lint("Eleven chrs", policy: policy)
        #expect(findings.map { "\($0.rule) \($0.start)..<\($0.end) \($0.match)" } == ["length-limit 10..<11 s"])
        #expect(findings.first?.message == "the draft is 11 characters; this audience's limit is 10 (1 over)")
        // Characters, not scalars: "é" written as e + combining accent is one character.
        #expect(try lint("Caf\u{65}\u{301}s open", policy: policy) == [])
    }

    /// ASCII drafts are counted byte by byte; the count must be Swift's character count all the
    /// same, with "\r\n" one character, inside and outside comments.
    @Test(arguments: ["Line one\r\nline two\r\nthree", "ab\r\n<!-- x\r\n -->\r\ncd efgh ij", "Eleven chrs!",
                      "Café\r\nau lait, s'il vous plaît", "<!--\r\n-->0123456789ABC\r\n"])
    func lengthCountsCharactersInAsciiAndOtherText(text: String) throws {
        let policy = LintPolicy(severities: [.cadence: .off], lengthLimit: 5)
        var visible = text
        while let open = visible.range(of: "<!--"), let close = visible.range(of: "-->", range: open.upperBound..<visible.endIndex) {
            visible.removeSubrange(open.lowerBound..<close.upperBound)
        }
        let finding = try #require(try lint(text, policy: policy).first { $0.rule == "length-limit" })
        #expect(finding.message.hasPrefix("the draft is \(visible.count) characters;"))
        // The finding starts at the sixth visible character and runs to the end.
        #expect(finding.end == text.unicodeScalars.count)
        var characters = 0
        var sixth: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("<!--"), let close = text.range(of: "-->", range: index..<text.endIndex) {
                index = close.upperBound
                continue
            }
            characters += 1
            if characters == 6 { sixth = index; break }
            index = text.index(after: index)
        }
        let start = try #require(sixth)
        #expect(finding.start == text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start))
    }

    @Test func anUnlimitedLengthNeverOverflows() throws {
        let policy = LintPolicy(severities: [.cadence: .off], lengthLimit: Int.max)
        #expect(try lint("We are investigating.", policy: policy).isEmpty)
        #expect(try lint("Café <!-- note --> ouvert.", policy: policy).isEmpty)
    }

    @Test func missingCadenceIsOffByDefaultAndOnWhenThePolicyAsks() throws {
        #expect(try lint("We are investigating.", policy: LintPolicy(severities: [:])) == [])
        let findings = try lint("We are investigating.", policy: LintPolicy(severities: [.cadence: .warning]))
        #expect(findings.map { "\($0.severity.rawValue) \($0.rule) \($0.line):\($0.column) '\($0.match)'" }
            == ["warning missing-cadence 1:1 ''"])
    }
}
