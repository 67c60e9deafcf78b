import ChorusSupport

/// An inline suppression written in an HTML comment, which Markdown and HTML drafts never show:
/// `<!-- chorus-disable-line eta -->` for its own line, `<!-- chorus-disable-next-line jargon,
/// blame -->` for the line after the comment. Targets are categories or rule ids.
struct SuppressionDirective {
    enum Scope: String { case line = "chorus-disable-line", nextLine = "chorus-disable-next-line" }

    var scope: Scope
    /// The comment's byte range.
    var start: Int
    var end: Int
    /// Each named category or rule, with the byte range of its name.
    var targets: [(name: String, start: Int, end: Int)]

    /// A `chorus-…` comment that is not a valid directive, reported as such.
    struct Malformed {
        var start: Int
        var end: Int
        var message: String
    }

    static let prefix = "chorus-"

    /// Reads every comment of `regions` that starts with `chorus-`.
    static func parse(_ regions: TextRegions, bytes: [UInt8]) -> (directives: [SuppressionDirective], malformed: [Malformed]) {
        var directives: [SuppressionDirective] = []
        var malformed: [Malformed] = []
        for comment in regions.comments {
            // Words of the comment with their byte ranges.
            var words: [(String, Int, Int)] = []
            var i = comment.content.lowerBound
            while i < comment.content.upperBound {
                let b = bytes[i]
                if b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                    i += 1
                    continue
                }
                let start = i
                while i < comment.content.upperBound, ![UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[i]) {
                    i += 1
                }
                words.append((String(decoding: bytes[start..<i], as: UTF8.self), start, i))
            }
            guard let first = words.first, first.0.hasPrefix(prefix) else { continue }
            guard let scope = Scope(rawValue: first.0) else {
                var message = "'\(first.0)' is not a Chorus directive"
                let names = [Scope.line.rawValue, Scope.nextLine.rawValue]
                if let near = NameSuggestion.closest(to: first.0, among: names) { message += "; did you mean '\(near)'?" }
                else { message += "; use \(names.joined(separator: " or "))" }
                malformed.append(Malformed(start: comment.whole.lowerBound, end: comment.whole.upperBound, message: message))
                continue
            }
            let targets = words.dropFirst().map { (name: $0.0, start: $0.1, end: $0.2) }
            if targets.isEmpty {
                malformed.append(Malformed(start: comment.whole.lowerBound, end: comment.whole.upperBound,
                                           message: "'\(scope.rawValue)' names no category; write e.g. '\(scope.rawValue) eta'"))
                continue
            }
            directives.append(SuppressionDirective(scope: scope, start: comment.whole.lowerBound, end: comment.whole.upperBound,
                                                   targets: targets))
        }
        return (directives, malformed)
    }
}
