import ChorusSupport

/// A tag naming something the data will not have, found by checking a template against a
/// `TemplateShape`: a misspelled field, or one the data leaves out.
public struct UnknownName: Sendable, Equatable, CustomStringConvertible {
    /// The name as written in the tag (`impact.sumary`).
    public var name: String
    /// The part that was not found (`sumary`), and the name reached before it (`impact`; empty when
    /// the first part was not found).
    public var missingPart: String
    public var foundPrefix: String
    /// The template (file) holding the tag, the tag's position, and its line.
    public var templateName: String
    public var position: SourcePosition
    public var lineText: String
    /// A close name that does exist where the tag stands (`impact.summary`), if any.
    public var suggestion: String?

    public var description: String {
        var text = "\(templateName):\(position.line):\(position.column): unknown name '\(name)'"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}
