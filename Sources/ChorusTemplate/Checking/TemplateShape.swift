/// The shape of the data a template will be rendered with: which names exist, and where. A
/// template can be checked against it before anything is rendered (`TemplateLibrary.unknownNames`).
///
///     let shape = TemplateShape(describing: ["title": "x", "facts": [["text": "y"]]])
///     // .object(["title": .scalar, "facts": .list(.object(["text": .scalar]))])
public indirect enum TemplateShape: Sendable, Hashable {
    /// A string, number, boolean or null: it has no names of its own.
    case scalar
    /// An object and the shapes of its members.
    case object([String: TemplateShape])
    /// A list and the shape of its items.
    case list(TemplateShape)
    /// Anything: names under it are not checked (an empty list's items, a lambda).
    case unknown

    /// The shape of `value`: a list's items are merged, so the list's shape has every member any
    /// item has.
    public init(describing value: TemplateValue) {
        switch value {
        case .null, .bool, .int, .double, .string: self = .scalar
        case .lambda: self = .unknown
        case .object(let members): self = .object(members.mapValues(TemplateShape.init(describing:)))
        case .list(let items):
            guard let first = items.first else { self = .list(.unknown); return }
            self = .list(items.dropFirst().reduce(TemplateShape(describing: first)) { $0.merging(TemplateShape(describing: $1)) })
        }
    }

    /// Both shapes at once: an object with the members of both, a list of items of both shapes.
    /// Shapes that disagree (a scalar here, an object there) merge to `unknown`.
    public func merging(_ other: TemplateShape) -> TemplateShape {
        switch (self, other) {
        case (.unknown, _), (_, .unknown): return .unknown
        case (.scalar, .scalar): return .scalar
        case let (.list(a), .list(b)):
            if case .list(.unknown) = self { return other }
            if case .list(.unknown) = other { return self }
            return .list(a.merging(b))
        case let (.object(a), .object(b)): return .object(a.merging(b) { $0.merging($1) })
        default: return .unknown
        }
    }

    /// The member `name` of an object shape (nil when there is none); `unknown` for `unknown`.
    public func member(_ name: String) -> TemplateShape? {
        switch self {
        case .object(let members): return members[name]
        case .unknown: return .unknown
        case .scalar, .list: return nil
        }
    }

    /// Every dotted name this shape holds, depth first (`impact`, `impact.summary`, …): list items'
    /// members are named through the list (`facts.text`), as a section over the list reaches them.
    public var names: [String] {
        var out: [String] = []
        func walk(_ shape: TemplateShape, _ prefix: String) {
            switch shape {
            case .object(let members):
                for key in members.keys.sorted() {
                    let name = prefix.isEmpty ? key : prefix + "." + key
                    out.append(name)
                    walk(members[key] ?? .unknown, name)
                }
            case .list(let item): walk(item, prefix)
            case .scalar, .unknown: break
            }
        }
        walk(self, "")
        return out
    }
}
