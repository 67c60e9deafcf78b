import ChorusSupport

/// What Slack accepts in one message, from its documentation and from what its API refuses.
///
/// Every length is counted in UTF-16 code units (`SlackLimits.length`), which is never fewer
/// than the characters, code points or grapheme clusters of a text, so a text within a limit
/// here is within it however Slack counts; an escaped `&amp;` counts as the five characters
/// Slack receives.
public enum SlackLimits {
    /// Blocks in one message ("a maximum of 50 blocks" per message).
    public static let blocksPerMessage = 50
    /// The text of a section block: at most 3,000 characters.
    public static let sectionText = 3_000
    /// The text of a header block: at most 150 characters. Chorus writes headings as bold mrkdwn
    /// sections (the one text type where every value is escaped alike), never header blocks;
    /// the limit is here so the checks can say so.
    public static let headerText = 150
    /// The top-level `text` (the notification fallback): Slack truncates past 40,000 characters.
    public static let fallbackText = 40_000
    /// All block text of one message together. `chat.postMessage` refuses a message with
    /// `msg_blocks_too_long` at about 12,000 characters of block text, although no single block
    /// is over its limit (not in Slack's reference; measured and confirmed by Slack staff in
    /// slackapi/bolt-js#2509). Chorus stays below it, with `blockOverhead` per block besides.
    public static let messageText = 11_000
    /// What each block counts for against `messageText`, besides its text.
    public static let blockOverhead = 50

    /// The length Slack checks `text` against (UTF-16 code units; see the type's notes).
    public static func length(_ text: String) -> Int { text.utf16.count }
}

/// One Slack message of a draft: a `text` fallback and Block Kit blocks. A draft longer than
/// one message allows is several messages: the first, then continuations posted in its thread.
public struct SlackMessage: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// A section with mrkdwn text.
        case section(String)
        case divider
    }

    /// The notification fallback (mrkdwn, escaped).
    public var text: String
    public var blocks: [Block]

    public init(text: String, blocks: [Block]) {
        self.text = text
        self.blocks = blocks
    }

    /// `{"text": …, "blocks": […]}`, the body of an incoming webhook or of `chat.postMessage`
    /// without its channel.
    public var json: JSONOutput {
        .object([("text", .string(text)), ("blocks", .array(blocks.map(\.json)))])
    }

    /// The messages of a Slack payload as `DraftWriter.slack` writes it: one object, or an array
    /// of them. Nil when `node` is neither.
    public static func messages(in node: JSONNode) -> [SlackMessage]? {
        if let items = node.elements {
            var messages: [SlackMessage] = []
            for item in items {
                guard let message = message(item) else { return nil }
                messages.append(message)
            }
            return messages.isEmpty ? nil : messages
        }
        return message(node).map { [$0] }
    }

    private static func message(_ node: JSONNode) -> SlackMessage? {
        guard let text = node["text"]?.stringValue, let items = node["blocks"]?.elements else { return nil }
        var blocks: [Block] = []
        for item in items {
            switch item["type"]?.stringValue {
            case "divider": blocks.append(.divider)
            case "section":
                guard let text = item["text"]?["text"]?.stringValue else { return nil }
                blocks.append(.section(text))
            default: return nil
            }
        }
        return SlackMessage(text: text, blocks: blocks)
    }
}

extension SlackMessage.Block {
    public var json: JSONOutput {
        switch self {
        case .divider: return .object([("type", .string("divider"))])
        case .section(let text):
            return .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(text))]))])
        }
    }

    /// What the block counts for against `SlackLimits.messageText`.
    var cost: Int {
        switch self {
        case .divider: return SlackLimits.blockOverhead
        case .section(let text): return SlackLimits.length(text) + SlackLimits.blockOverhead
        }
    }
}
