/// A template's text and the name its errors print (a file path, say).
public struct TemplateSource: Sendable, Equatable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// Why a loader would not or could not produce a template it was asked for.
public struct TemplateLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The name could reach outside the loader's folders; nothing was read.
        case forbidden(String)
        /// The template exists but cannot be read as UTF-8 text.
        case unreadable(String)
    }

    public var name: String
    public var reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .forbidden(let why): return "template name '\(name)' is not allowed: \(why)"
        case .unreadable(let why): return "template '\(name)' cannot be read: \(why)"
        }
    }

    /// The error as it is reported for a partial (included by a tag) or for a template asked
    /// for by name.
    func kind(asPartial: Bool) -> TemplateError.Kind {
        switch reason {
        case .forbidden(let why): return asPartial ? .forbiddenPartialName(name: name, reason: why) : .forbiddenTemplateName(name: name, reason: why)
        case .unreadable(let why): return asPartial ? .unreadablePartial(name: name, reason: why) : .unreadableTemplate(name: name, reason: why)
        }
    }
}

/// Finds templates (and so partials and parents) by name.
public protocol TemplateLoader: Sendable {
    /// The template called `name`, or nil when there is none. Throws when the name is not
    /// allowed (it could leave the loader's folders) or the template cannot be read.
    func source(named name: String) throws(TemplateLoadError) -> TemplateSource?
}
