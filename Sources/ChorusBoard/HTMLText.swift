/// Text made safe for HTML: every value the board shows passes through here.
enum HTMLText {
    /// `text` escaped for an HTML text node or a double- or single-quoted attribute, with
    /// control characters, bidi overrides and invisible format characters removed (so a value
    /// can neither add markup nor disguise what it says). Line breaks and tabs are kept when
    /// `multiline` (the wording in a `<pre>`), else folded into spaces.
    static func escape(_ text: String, multiline: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += multiline ? "\n" : " "
            case "\t": out += multiline ? "\t" : " "
            case "\r": continue
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                switch scalar.properties.generalCategory {
                case .format where scalar != "\u{200D}": continue // bidi controls, zero-width marks (ZWJ kept for emoji)
                case .lineSeparator, .paragraphSeparator: out += multiline ? "\n" : " "
                case .privateUse where scalar.value == 0xE000 || scalar.value == 0xE001: continue // the renderer's value markers
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An `href` for a link from the state: only http(s) addresses (the state's own rule), escaped;
    /// anything else is no link at all.
    static func href(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return escape(url)
    }
}
