@testable import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Every Slack payload Chorus writes stays within what Slack accepts, whatever the state holds.
@Suite("Slack payload limits")
struct SlackLimitTests {
    /// What one message must satisfy; returns the problems found.
    static func problems(_ message: SlackMessage, where label: String) -> [String] {
        var problems: [String] = []
        if message.blocks.count > SlackLimits.blocksPerMessage { problems.append("\(label): \(message.blocks.count) blocks") }
        if message.blocks.isEmpty { problems.append("\(label): no blocks") }
        if SlackLimits.length(message.text) >= SlackLimits.fallbackText { problems.append("\(label): fallback of \(SlackLimits.length(message.text))") }
        let total = message.blocks.map(\.cost).reduce(0, +)
        if total > SlackLimits.messageText { problems.append("\(label): \(total) of block text") }
        for case .section(let text) in message.blocks {
            if SlackLimits.length(text) > SlackLimits.sectionText { problems.append("\(label): a section of \(SlackLimits.length(text))") }
            if text.isEmpty { problems.append("\(label): an empty section") }
            problems += entityProblems(text, label)
        }
        problems += entityProblems(message.text, label + " fallback")
        return problems
    }

    /// Every `&` starts a whole entity: nothing was cut inside `&amp;`, `&lt;` or `&gt;`.
    static func entityProblems(_ text: String, _ label: String) -> [String] {
        var problems: [String] = []
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[amp...]
            if !(after.hasPrefix("&amp;") || after.hasPrefix("&lt;") || after.hasPrefix("&gt;")) {
                problems.append("\(label): a cut entity near \(String(after.prefix(8)).debugDescription)")
            }
            rest = rest[rest.index(after: amp)...]
        }
        for stray in ["amp;", "lt;", "gt;"] where text.hasPrefix(stray) { problems.append("\(label): starts with the rest of an entity") }
        return problems
    }

    static func messages(_ output: String) throws -> [SlackMessage] {
        try #require(SlackMessage.messages(in: JSONParser.parse(output)))
    }

    /// Sixty long facts: far more than one message holds.
    @Test func sixtyLongFactsBecomeContinuationMessages() throws {
        var state = try Shipped.state("checkout-investigating.json")
        let start = state.detectedAt ?? state.startedAt
        let filler = String(repeating: "The callback queue grew while retries & timeouts piled up. ", count: 12)
        state.facts = (1...60).map { Fact(id: "F\($0)", text: "Observation \($0): \(filler)", at: start, source: .monitoring) }
        let draft = try Shipped.renderer().render(state, audience: "engineering", format: .slack, clock: Shipped.clock(for: state))
        let node = try JSONParser.parse(draft.output)
        #expect(node.elements != nil, "a draft over one message is an array of messages")
        let messages = try Self.messages(draft.output)
        #expect(messages.count >= 2)
        for (index, message) in messages.enumerated() {
            #expect(Self.problems(message, where: "message \(index + 1)").isEmpty)
        }
        let all = messages.flatMap(\.blocks).compactMap { block -> String? in if case .section(let t) = block { return t }; return nil }.joined(separator: "\n")
        for number in 1...60 { #expect(all.contains("Observation \(number):"), "fact \(number) is in some message") }
        #expect(messages.dropFirst().allSatisfy { $0.text.hasPrefix("(continued, ") })
    }

    /// Many short blocks (the 60 facts gave 63 blocks in one message): at most 50 each.
    @Test func manyBlocksAreSplitAtFifty() {
        var blocks: [DraftDocument.Block] = []
        for number in 1...70 {
            blocks.append(.heading(level: 1, [.value("Part \(number)")]))
            blocks.append(.rule)
        }
        let messages = DraftWriter.slackMessages(DraftDocument(blocks: blocks))
        #expect(messages.count == 3)
        for (index, message) in messages.enumerated() { #expect(Self.problems(message, where: "message \(index + 1)").isEmpty) }
        #expect(messages.allSatisfy { $0.blocks.first != .divider && $0.blocks.last != .divider })
        let parts = messages.flatMap(\.blocks).filter { $0 != .divider }
        #expect(parts.count == 70)
    }

    @Test func emojiAreCountedAsSlackCountsThem() {
        // 🧑‍💻 is one grapheme, three code points and five UTF-16 units.
        let words = Array(repeating: "🧑‍💻🧑‍💻🧑‍💻", count: 400).joined(separator: " ")
        let document = DraftDocument(blocks: [.paragraph([[.value(words)]])])
        let messages = DraftWriter.slackMessages(document)
        for message in messages { #expect(Self.problems(message, where: "emoji").isEmpty) }
        let sections = messages.flatMap(\.blocks).compactMap { block -> String? in if case .section(let t) = block { return t }; return nil }
        #expect(sections.count >= 3, "6,000 UTF-16 units of emoji need at least three sections, not one")
        #expect(sections.joined(separator: " ").components(separatedBy: "🧑‍💻").count - 1 == 1200, "no emoji lost or cut")
    }

    @Test func anEntityAtTheSplitPointStaysWhole() {
        // `&` escapes to five characters; try every alignment against the 3,000 limit.
        for shift in 0..<6 {
            let text = String(repeating: "x", count: 2_995 + shift) + "&&&&&&" + String(repeating: "y", count: 10)
            let document = DraftDocument(blocks: [.paragraph([[.value(text)]])])
            for message in DraftWriter.slackMessages(document) {
                #expect(Self.problems(message, where: "shift \(shift)").isEmpty)
            }
        }
    }

    @Test func aSplitQuoteKeepsItsMarkerAndASplitBoldSpanStaysBold() {
        let quote = (1...900).map { "q\($0)" }.joined(separator: " ")
        let title = (1...900).map { "t\($0)" }.joined(separator: " ")
        let document = DraftDocument(blocks: [.heading(level: 2, [.value(title)]), .quote([.value(quote)])])
        let messages = DraftWriter.slackMessages(document)
        let sections = messages.flatMap(\.blocks).compactMap { block -> String? in if case .section(let t) = block { return t }; return nil }
        let lines = sections.flatMap { $0.split(separator: "\n").map(String.init) }
        let quoteLines = lines.filter { $0.contains("q1 ") || $0.contains(" q") }
        #expect(quoteLines.count >= 2)
        #expect(quoteLines.allSatisfy { $0.hasPrefix("> ") }, "\(quoteLines.map { $0.prefix(10) })")
        let titleLines = lines.filter { $0.contains("t1 ") || $0.contains(" t") }
        #expect(titleLines.count >= 2)
        #expect(titleLines.allSatisfy { $0.hasPrefix("*") && $0.hasSuffix("*") }, "each piece of a bold heading is bold on its own")
        for message in messages { #expect(Self.problems(message, where: "quote").isEmpty) }
    }

    @Test func aWordLongerThanASectionIsCutBetweenCharacters() {
        let word = String(repeating: "é&", count: 2_000)
        let document = DraftDocument(blocks: [.listItem([.literal("**Link:** "), .value(word)])])
        let messages = DraftWriter.slackMessages(document)
        for message in messages { #expect(Self.problems(message, where: "long word").isEmpty) }
        let sections = messages.flatMap(\.blocks).compactMap { block -> String? in if case .section(let t) = block { return t }; return nil }
        let joined = sections.joined().replacingOccurrences(of: "\n", with: "")
        #expect(joined.components(separatedBy: "&amp;").count - 1 == 2_000)
        #expect(sections.first?.hasPrefix("• *Link:* ") == true)
    }

    @Test func aFallbackIsNeverOverTheLimit() {
        let long = (1...9_000).map { "word\($0)" }.joined(separator: " ")
        let document = DraftDocument(blocks: [.paragraph([[.value(long)]])])
        let messages = DraftWriter.slackMessages(document)
        #expect(messages.count > 1)
        for (index, message) in messages.enumerated() { #expect(Self.problems(message, where: "message \(index)").isEmpty) }
    }

    @Test func aDraftThatFitsIsOneMessageAsBefore() throws {
        let state = try Shipped.state("checkout-identified.json")
        let draft = try Shipped.renderer().render(state, audience: "engineering", format: .slack, clock: Shipped.clock(for: state))
        let node = try JSONParser.parse(draft.output)
        #expect(node["blocks"] != nil && node.elements == nil)
        #expect(node["text"]?.stringValue == DraftWriter.text(DraftDocument.parse(draft.source)))
    }

    /// States that stress every limit at once — many items, long texts, emoji, entities and
    /// asterisks-free bold templates at split points — rendered for every Slack audience.
    @Test(arguments: 0..<12) func generatedStatesStayWithinEveryLimit(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &+ 17)
        var state = try Shipped.state("checkout-investigating.json")
        let start = state.detectedAt ?? state.startedAt
        func text(_ words: Int) -> String {
            let pieces = ["payments", "&", "<callback>", "🧑‍💻", "é", "AT&T", "x>y", "naïve", "👍🏽", "queue", "retry", "=>", "&amp;"]
            return (0..<words).map { _ in pieces[random.next(pieces.count)] + (random.next(7) == 0 ? "\(random.next(1000))" : "") }.joined(separator: " ")
        }
        state.title = String(text(20 + random.next(60)).prefix(240))
        state.impact.summary = text(random.next(2_500))
        state.facts = (0..<random.next(120)).map { Fact(id: "F\($0 + 1)", text: text(1 + random.next(300)), at: start, source: .engineering) }
        state.workaround = text(random.next(400))
        let renderer = try Shipped.renderer()
        for audience in ["engineering", "leadership", "sales"] {
            guard let definition = renderer.catalog.audience(named: audience), definition.applies(to: state) else { continue }
            let draft = try renderer.render(state, audience: audience, format: .slack, clock: Shipped.clock(for: state))
            let messages = try Self.messages(draft.output)
            for (index, message) in messages.enumerated() {
                let problems = Self.problems(message, where: "seed \(seed) \(audience) message \(index + 1)")
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return bound <= 1 ? 0 : Int(z % UInt64(bound))
    }
}
