/// Escaping of state values for each output format.
public enum FormatEscaping {
    /// HTML text and attribute values: `& < > " '`.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Slack mrkdwn: `&`, `<`, `>` — so no value can produce `<!channel>`, `<@U123>` or a link.
    public static func slack(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// CommonMark and GitHub-flavoured Markdown: a backslash before every character that can
    /// start or end emphasis, code, a link or image (`[` `]`), raw HTML or an entity (`<` `>` `&`),
    /// strikethrough or a table cell; before a character that could start a block when it opens
    /// the value (`#`, `+`, `-`, `=`, `!`, digits followed by `.` or `)`); and inside `://` and
    /// `www.` so no autolink forms.
    public static func markdown(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for (index, ch) in chars.enumerated() {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|":
                out.append("\\")
            case "#", "+", "-", "=", "!":
                if index == 0 { out.append("\\") }
            case ":" where index + 2 < chars.count && chars[index + 1] == "/" && chars[index + 2] == "/":
                out.append("\\")
            case "." where index >= 3 && String(chars[(index - 3)..<index]).lowercased() == "www":
                out.append("\\")
            case ".", ")":
                if index > 0, chars[0..<index].allSatisfy(\.isNumber) { out.append("\\") }
            default:
                break
            }
            out.append(ch)
        }
        return out
    }
}
