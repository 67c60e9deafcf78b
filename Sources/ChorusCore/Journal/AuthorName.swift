import ChorusSupport
import Foundation

/// The rules for an entry's author: a name people read in `log`, `show` and `pull`, so it must
/// say exactly what it looks like.
public enum AuthorName {
    /// The longest name accepted, in characters.
    public static let maximumLength = 120

    /// Why `name` cannot be an author, or nil when it can: empty, too long, or holding a
    /// control, bidirectional, invisible or separator character (a newline could forge a log
    /// line; U+202E reverses the text after it; U+2060 makes two names look alike).
    public static func problem(_ name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "the author name is empty" }
        if let unsafe = TerminalText.firstUnsafe(in: name) {
            return "the author name \"\(TerminalText.escape(name))\" contains \(unsafe), a control, bidirectional or invisible character; names must read as what they are"
        }
        if name.count > maximumLength { return "the author name is longer than \(maximumLength) characters" }
        if name != name.trimmingCharacters(in: .whitespaces) { return "the author name \"\(name)\" starts or ends with a space" }
        return nil
    }
}
