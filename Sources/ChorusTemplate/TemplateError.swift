import ChorusSupport

/// A problem with a template: where it is (template name, 1-based line and column, the line's
/// text) and what it is. Parse errors, missing or forbidden partials, and runaway recursion are
/// all reported this way; `description` is the compiler-style form authors and editors know:
///
///     audiences/slack/update.mustache:3:5: error: closing tag '{{/facts}}' does not match '{{#fact}}' opened at 2:1
///     {{/facts}}
///         ^
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A tag opened with the open delimiter never meets its close delimiter.
        case unclosedTag(expected: String)
        /// A tag with nothing in it (`{{}}`, `{{#}}`, `{{>}}`).
        case emptyTag
        /// A name a tag cannot hold (whitespace inside, an empty dotted part); `reason` says which.
        case invalidName(String, reason: String)
        /// `{{#name}}` (or `^`, `$`, `<`) without its `{{/name}}`; reported at the opening tag.
        case unclosedSection(name: String)
        /// `{{/found}}` where `{{/expected}}` was due; reported at the closing tag, and names
        /// where the open section started.
        case mismatchedClosingTag(expected: String, found: String, openedAt: SourcePosition)
        /// `{{/name}}` with no section open.
        case unexpectedClosingTag(name: String)
        /// A set-delimiter tag that does not hold exactly two delimiters (`{{=<% %>=}}`).
        case invalidDelimiters(String)
        /// A tag inside a parent (`{{<parent}}…{{/parent}}`) other than a block or a comment.
        case tagNotAllowedInParent(String)
        /// Sections nested deeper than `Template.maximumNesting`.
        case nestingTooDeep(limit: Int)
        /// A partial or parent that no loader has (strict mode), or, in lenient mode, the warning
        /// that it rendered as the empty string.
        case unknownPartial(name: String)
        /// A template asked for by name (`TemplateLibrary.load`, `render`) that does not exist.
        case unknownTemplate(name: String)
        /// A partial name that could reach outside the template folders (`..`, an absolute path,
        /// a symlink out of the root): refused without reading anything.
        case forbiddenPartialName(name: String, reason: String)
        /// A partial file that exists but cannot be read as UTF-8 text.
        case unreadablePartial(name: String, reason: String)
        /// A template asked for by name (not included as a partial) whose name is not allowed,
        /// such as a symlink out of the template folder.
        case forbiddenTemplateName(name: String, reason: String)
        /// A template asked for by name that exists but cannot be read as UTF-8 text.
        case unreadableTemplate(name: String, reason: String)
        /// Partials, parents, blocks or lambda expansions nested more than
        /// `TemplateLibrary.maximumDepth` deep: almost always something that includes itself.
        /// `what` names it: "partial 'header'", "block 'title'", "lambda 'wrap'".
        case recursionTooDeep(what: String, limit: Int)
        /// Partials (and parents' blocks) that expanded to more than the library's
        /// `expansionLimit` bytes of template text in one render: a partial
        /// that includes another more than once at every level grows exponentially.
        case expansionTooLarge(what: String, limit: Int)
    }

    public var kind: Kind
    /// The template's name as given to the parser or loader (often its file path).
    public var templateName: String
    public var position: SourcePosition
    /// The text of the line the position is on, without its line terminator.
    public var lineText: String

    public init(_ kind: Kind, templateName: String, position: SourcePosition, lineText: String) {
        self.kind = kind
        self.templateName = templateName
        self.position = position
        self.lineText = lineText
    }

    /// The message alone, without location.
    public var message: String {
        switch kind {
        case .unclosedTag(let expected):
            return "unclosed tag: expected '\(expected)' before the end of the template"
        case .emptyTag:
            return "empty tag: a tag must name something"
        case .invalidName(let name, let reason):
            return "invalid name '\(name)': \(reason)"
        case .unclosedSection(let name):
            return "section '\(name)' is never closed: expected '{{/\(name)}}'"
        case .mismatchedClosingTag(let expected, let found, let openedAt):
            return "closing tag '{{/\(found)}}' does not match '\(expected)' opened at \(openedAt)"
        case .unexpectedClosingTag(let name):
            return "closing tag '{{/\(name)}}' has no open section to close"
        case .invalidDelimiters(let content):
            return "bad delimiter change '\(content)': expected two delimiters separated by a space, without '=' or spaces in them, like {{=<% %>=}}"
        case .tagNotAllowedInParent(let tag):
            return "'\(tag)' is not allowed directly inside a parent tag: only blocks ({{$name}}…{{/name}}) and comments are"
        case .nestingTooDeep(let limit):
            return "sections are nested more than \(limit) levels deep"
        case .unknownPartial(let name):
            return "unknown partial '\(name)'"
        case .unknownTemplate(let name):
            return "no template named '\(name)'"
        case .forbiddenPartialName(let name, let reason):
            return "partial name '\(name)' is not allowed: \(reason)"
        case .unreadablePartial(let name, let reason):
            return "partial '\(name)' cannot be read: \(reason)"
        case .forbiddenTemplateName(let name, let reason):
            return "template '\(name)' is not allowed: \(reason)"
        case .unreadableTemplate(let name, let reason):
            return "template '\(name)' cannot be read: \(reason)"
        case .expansionTooLarge(let what, let limit):
            return "\(what) expanded partials to more than \(Self.byteCount(limit)) of template text in one render; a partial that includes another more than once at every level grows exponentially"
        case .recursionTooDeep(let what, let limit):
            return "\(what) is expanded more than \(limit) levels deep (does it include itself?)"
        }
    }

    /// `name:line:col: error: message`, then the line and a caret under the column (the last two
    /// only when the error has a line, which a template that could not be found at all has not).
    public var description: String { formatted(severity: "error") }

    /// The compiler-style report with another severity word (`warning` for lenient-mode notes).
    public func formatted(severity: String) -> String {
        let heading = "\(templateName):\(position): \(severity): \(message)"
        if lineText.isEmpty && position == .start { return heading }
        let excerpt = SourceExcerpt.lines(lineText, column: position.column)
        return heading + "\n" + excerpt.text + "\n" + excerpt.caret
    }

    /// `bytes` in the largest whole unit: "8 MB", "64 KB", "1000 bytes".
    static func byteCount(_ bytes: Int) -> String {
        if bytes > 0 && bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes > 0 && bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
