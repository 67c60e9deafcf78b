import ChorusSupport
import ChorusTemplate

/// Slack Block Kit: mrkdwn sections within Slack's limits, split into continuation messages
/// when one message cannot hold the draft.
extension DraftWriter {
    /// The draft as Slack payloads: one object `{"text", "blocks"}` when it fits one message,
    /// else an array of them, the first message followed by continuations for its thread.
    /// `&`, `<` and `>` are escaped throughout, so no value can ping or link.
    public static func slack(_ document: DraftDocument) -> JSONOutput {
        slack(document, text: text(document))
    }

    /// `slack(_:)` with the document's `text(_:)` already written.
    static func slack(_ document: DraftDocument, text plainText: String) -> JSONOutput {
        let messages = slackMessages(document, text: plainText)
        return messages.count == 1 ? messages[0].json : .array(messages.map(\.json))
    }

    /// The draft as Slack messages, each within `SlackLimits`: at most 50 blocks, section texts
    /// of at most 3,000 characters, at most `SlackLimits.messageText` of block text, a fallback
    /// under 40,000. Lines are split between lines, a longer line at spaces, and a longer word
    /// between characters — never inside an escaped entity or a character, and a bold span cut
    /// in two is closed and reopened, a quote's pieces each keep their `> `.
    public static func slackMessages(_ document: DraftDocument) -> [SlackMessage] {
        slackMessages(document, text: text(document))
    }

    static func slackMessages(_ document: DraftDocument, text plainText: String) -> [SlackMessage] {
        let groups = SlackLayout.messages(of: SlackLayout.blocks(of: document))
        if groups.count <= 1 {
            var fallback = TemplateEscaping.slack.escape(plainText)
            if SlackLimits.length(fallback) >= SlackLimits.fallbackText { fallback = SlackLayout.fallback(groups.first ?? []) }
            return [SlackMessage(text: fallback, blocks: groups.first ?? [])]
        }
        return groups.enumerated().map { index, blocks in
            let lead = index == 0 ? "" : "(continued, \(index + 1) of \(groups.count))\n"
            return SlackMessage(text: lead + SlackLayout.fallback(blocks), blocks: blocks)
        }
    }
}

/// How a draft is laid out in Slack blocks and messages.
enum SlackLayout {
    /// A run of text, bold or not (values unescaped).
    struct Run {
        var text: String
        var bold: Bool
    }

    /// One line of a section: what starts its first piece (`• `, `> `), what starts the pieces
    /// after a split (`> ` again for a quote), and its text.
    struct Line {
        var lead: String
        var continuationLead: String
        var runs: [Run]
    }

    // MARK: Blocks

    /// Sections and dividers: runs of lines joined up to the section limit, a level-1 heading in
    /// a section of its own, a rule as a divider.
    static func blocks(of document: DraftDocument) -> [SlackMessage.Block] {
        var blocks: [SlackMessage.Block] = []
        var pending: [Line?] = [] // nil: a blank line between paragraphs
        func flush() {
            guard !pending.isEmpty else { return }
            var chunk = ""
            var chunkLength = 0
            for line in pending {
                let pieces = line.map { self.pieces(of: $0, limit: SlackLimits.sectionText) } ?? [""]
                for piece in pieces {
                    let length = SlackLimits.length(piece)
                    if !chunk.isEmpty && chunkLength + 1 + length > SlackLimits.sectionText {
                        blocks.append(.section(chunk)); chunk = ""; chunkLength = 0
                    }
                    if chunk.isEmpty {
                        chunk = piece; chunkLength = length
                    } else {
                        chunk += "\n" + piece; chunkLength += 1 + length
                    }
                }
            }
            if !chunk.isEmpty { blocks.append(.section(chunk)) }
            pending = []
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let spans):
                if level == 1 { flush() }
                pending.append(Line(lead: "", continuationLead: "", runs: runs(spans, allBold: true)))
                if level == 1 { flush() }
            case .paragraph(let lines):
                if !pending.isEmpty { pending.append(nil) }
                pending += lines.map { Line(lead: "", continuationLead: "", runs: runs($0, allBold: false)) }
            case .listItem(let spans): pending.append(Line(lead: "• ", continuationLead: "", runs: runs(spans, allBold: false)))
            case .quote(let spans): pending.append(Line(lead: "> ", continuationLead: "> ", runs: runs(spans, allBold: false)))
            case .rule: flush(); blocks.append(.divider)
            case .comment: break
            }
        }
        flush()
        return blocks
    }

    /// The runs of one line: `**` in the template's text toggles bold (values in between are
    /// bold too); in a heading everything is bold and the template's `**` are dropped.
    static func runs(_ spans: [DraftDocument.Span], allBold: Bool) -> [Run] {
        var runs: [Run] = []
        var bold = false
        func add(_ text: String, _ isBold: Bool) {
            guard !text.isEmpty else { return }
            if let last = runs.indices.last, runs[last].bold == isBold {
                runs[last].text += text
            } else {
                runs.append(Run(text: text, bold: isBold))
            }
        }
        for span in spans {
            switch span {
            case .value(let text):
                add(text, allBold || bold)
            case .literal(let text):
                if allBold {
                    add(DraftWriter.removingBold(text), true)
                } else if !text.contains("**") {
                    add(text, bold)
                } else {
                    for (index, part) in text.components(separatedBy: "**").enumerated() {
                        if index > 0 { bold.toggle() }
                        add(part, bold)
                    }
                }
            }
        }
        return runs
    }

    /// A run as mrkdwn: escaped, and between `*` when bold (spaces at its ends kept outside the
    /// asterisks, where Slack still reads them as bold markers).
    static func mrkdwn(_ run: Run, into out: inout String) {
        guard run.bold else {
            TemplateEscaping.slack.append(run.text, to: &out)
            return
        }
        let core = run.text.trimmingCharacters(in: .init(charactersIn: " "))
        guard !core.isEmpty else { out += run.text; return }
        let leading = run.text.prefix { $0 == " " }
        let trailing = run.text.reversed().prefix { $0 == " " }
        out += leading
        out += "*"
        TemplateEscaping.slack.append(core, to: &out)
        out += "*"
        out += String(trailing)
    }

    static func render(_ lead: String, _ runs: [Run]) -> String {
        var out = lead
        for run in runs { mrkdwn(run, into: &out) }
        return out
    }

    // MARK: Splitting a line

    /// `line` as mrkdwn, in pieces of at most `limit` (as Slack counts): cut at spaces, a word
    /// longer than a piece between characters; a bold run cut in two is closed at the end of
    /// one piece and reopened in the next. Escaping follows the cut, so no entity is split.
    static func pieces(of line: Line, limit: Int) -> [String] {
        let whole = render(line.lead, line.runs)
        if SlackLimits.length(whole) <= limit { return [whole] }
        var pieces: [String] = []
        var lead = line.lead
        var current: [Run] = []
        // An upper bound of the current piece's length without its lead: escaped text, plus two
        // asterisks per bold run.
        var cost = 0
        func room() -> Int { max(limit - SlackLimits.length(lead), 8) }
        func finish() {
            // Spaces at the ends of a piece go (the cut falls on them).
            while let last = current.indices.last, current[last].text.hasSuffix(" ") {
                current[last].text = String(current[last].text.dropLast())
                if current[last].text.isEmpty { current.removeLast() }
            }
            if !current.isEmpty { pieces.append(render(lead, current)) }
            lead = line.continuationLead
            current = []
            cost = 0
        }
        func append(_ text: String, bold: Bool, length: Int) {
            if let last = current.indices.last, current[last].bold == bold {
                current[last].text += text
                cost += length
            } else {
                current.append(Run(text: text, bold: bold))
                cost += length + (bold ? 2 : 0)
            }
        }
        func opens(_ bold: Bool) -> Int { bold && current.last?.bold != true ? 2 : 0 }
        for run in line.runs {
            for word in words(run.text) {
                let isSpace = word.first == " "
                if isSpace && current.isEmpty { continue } // no piece starts with a space
                let length = SlackLimits.length(TemplateEscaping.slack.escape(String(word)))
                if cost + length + opens(run.bold) <= room() {
                    append(String(word), bold: run.bold, length: length)
                    continue
                }
                if isSpace { finish(); continue }
                if length + (run.bold ? 2 : 0) <= max(limit - SlackLimits.length(line.continuationLead), 8) {
                    // It fits a piece of its own: start one.
                    finish()
                    append(String(word), bold: run.bold, length: length)
                    continue
                }
                // A word longer than a whole piece: fill this piece, then the next ones, cutting
                // between characters.
                var chunk = ""
                var chunkLength = 0
                for character in word {
                    let characterLength = SlackLimits.length(TemplateEscaping.slack.escape(String(character)))
                    if cost + chunkLength + characterLength + opens(run.bold) > room() {
                        if !chunk.isEmpty { append(chunk, bold: run.bold, length: chunkLength) }
                        if !current.isEmpty { finish() }
                        chunk = ""
                        chunkLength = 0
                    }
                    chunk.append(character)
                    chunkLength += characterLength
                }
                if !chunk.isEmpty { append(chunk, bold: run.bold, length: chunkLength) }
            }
        }
        finish()
        return pieces.isEmpty ? [whole] : pieces
    }

    /// `text` as alternating runs of spaces and of other characters.
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        var inSpace: Bool?
        var index = text.startIndex
        while index != text.endIndex {
            let isSpace = text[index] == " "
            if let current = inSpace, current != isSpace {
                words.append(text[start..<index])
                start = index
            }
            inSpace = isSpace
            index = text.index(after: index)
        }
        if start != text.endIndex { words.append(text[start...]) }
        return words
    }

    // MARK: Messages

    /// The blocks in messages: at most 50 blocks and `SlackLimits.messageText` of block text
    /// each; a divider never starts or ends a continuation.
    static func messages(of blocks: [SlackMessage.Block]) -> [[SlackMessage.Block]] {
        var messages: [[SlackMessage.Block]] = []
        var current: [SlackMessage.Block] = []
        var used = 0
        func close() {
            while current.count > 1, current.last == .divider { current.removeLast() }
            if !current.isEmpty { messages.append(current) }
            current = []
            used = 0
        }
        for block in blocks {
            if !current.isEmpty && (current.count == SlackLimits.blocksPerMessage || used + block.cost > SlackLimits.messageText) {
                close()
            }
            if block == .divider && current.isEmpty && !messages.isEmpty { continue }
            current.append(block)
            used += block.cost
        }
        close()
        return messages
    }

    /// The fallback of a message: its sections' text, one per line (within the limit, since a
    /// message's block text is).
    static func fallback(_ blocks: [SlackMessage.Block]) -> String {
        blocks.compactMap { block -> String? in
            if case .section(let text) = block { return text }
            return nil
        }.joined(separator: "\n")
    }
}
