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

    var kind: TemplateError.Kind {
        switch reason {
        case .forbidden(let why): return .forbiddenPartialName(name: name, reason: why)
        case .unreadable(let why): return .unreadablePartial(name: name, reason: why)
        }
    }
}

/// Finds templates (and so partials and parents) by name.
public protocol TemplateLoader: Sendable {
    /// The template called `name`, or nil when there is none. Throws when the name is not
    /// allowed (it could leave the loader's folders) or the template cannot be read.
    func source(named name: String) throws(TemplateLoadError) -> TemplateSource?
}
