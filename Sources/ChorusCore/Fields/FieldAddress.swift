import ChorusSupport

/// A place in the state named on the command line: `impact.summary`, `window.start`,
/// `asks.2` (lists count from 1, as `chorus get` shows them), `facts.F2.text` or
/// `components.payments-callback.status` (items of lists whose records have an id or a name),
/// `rootCause.whys.3`. Field names may be written as in the JSON (`quantifiedImpact`) or in
/// kebab case (`quantified-impact`); `[…]` holds a selector with dots in it.
public struct FieldAddress: Sendable {
    /// As typed.
    public var typed: String
    /// Where it is in the state's JSON.
    public var path: JSONPath
    /// The type of the value there.
    public var type: FieldType
    /// The field named last (for a list item, the list's field).
    public var field: FieldSpec
    /// True when the address names one item of a list.
    public var isItem: Bool
    /// Why the command line may not change it, when a field on the way is kept by Chorus.
    public var managed: String?

    /// Splits `a.b[c.d].e` into `a`, `b`, `c.d`, `e`.
    static func segments(_ text: String) -> [String]? {
        var segments: [String] = []
        var current = ""
        var bracket = false
        for ch in text {
            switch ch {
            case "[" where !bracket:
                if !current.isEmpty { segments.append(current); current = "" }
                bracket = true
            case "]" where bracket:
                segments.append(current); current = ""; bracket = false
            case "." where !bracket:
                if !current.isEmpty { segments.append(current) } else if segments.isEmpty { return nil }
                current = ""
            default:
                current.append(ch)
            }
        }
        if bracket { return nil }
        if !current.isEmpty { segments.append(current) }
        return segments.isEmpty ? nil : segments
    }

    /// Resolves `text` against the field table and the current state. Items must exist; fields
    /// need not (setting `window.start` creates the window).
    static func resolve(_ text: String, in tree: JSONTree) throws(StateEditError) -> FieldAddress {
        guard let segments = segments(text.trimmingCharacters(in: .whitespaces)) else {
            throw .badInput("'\(text)' is not a field: name one such as impact.summary, asks.2 or facts.F2.text (chorus help set lists them)")
        }
        var path = JSONPath.root
        var type = FieldType.record(StateFields.state)
        var field: FieldSpec?
        var isItem = false
        var node: JSONTree? = tree
        var named = ""
        var managed: String?
        for segment in segments {
            switch type {
            case .record(let record):
                guard let next = record.field(named: segment) else {
                    let names = record.fields.map(\.name)
                    var message = "unknown field '\(named.isEmpty ? segment : named + "." + segment)'"
                    if let near = NameSuggestion.closest(to: segment, among: names + record.fields.map(\.kebabName)) {
                        let spelled = record.field(named: near)?.name ?? near
                        message += ". Did you mean '\(named.isEmpty ? spelled : named + "." + spelled)'?"
                    } else {
                        message += "; \(named.isEmpty ? "the state" : named) has: \(names.joined(separator: ", "))"
                    }
                    throw .badInput(message)
                }
                path = path.appending(next.name)
                node = node?[next.name]
                type = next.type
                field = next
                if managed == nil, case .managed(let reason) = next.editing { managed = reason }
                isItem = false
                named += (named.isEmpty ? "" : ".") + next.name
            case .list(let element):
                let items = node?.elements ?? []
                let index = try itemIndex(segment, in: items, element: element, list: named)
                path = path.appending(index)
                node = items[index]
                type = element
                isItem = true
                named += "." + segment
            default:
                throw .badInput("'\(named)' is \(type.typedAs); it has no part '\(segment)'")
            }
        }
        guard let field else { throw .badInput("'\(text)' names the whole state; name a field such as impact.summary") }
        return FieldAddress(typed: text, path: path, type: type, field: field, isItem: isItem, managed: managed)
    }

    /// The index of the item `selector` names: a number counted from 1, or the value of the
    /// records' key (`F2`, `payments-callback`).
    static func itemIndex(_ selector: String, in items: [JSONTree], element: FieldType, list: String) throws(StateEditError) -> Int {
        if let number = Int(selector) {
            guard number >= 1, number <= items.count else {
                throw .notFound(items.isEmpty ? "\(list) is empty; there is no item \(number)"
                    : "\(list) has \(Wording.count(items.count, "item")); there is no item \(number) (they count from 1)")
            }
            return number - 1
        }
        guard let key = element.record?.key else {
            throw .badInput("the items of \(list) are numbered: \(list).1, \(list).2, …; '\(selector)' is not a number")
        }
        let keys = items.map { $0[key]?.string ?? "" }
        if let index = keys.firstIndex(of: selector) ?? keys.firstIndex(where: { $0.lowercased() == selector.lowercased() }) {
            return index
        }
        var message = "no item '\(selector)' in \(list)"
        if let near = NameSuggestion.closest(to: selector, among: keys) {
            message += ". Did you mean '\(near)'?"
        } else if !keys.isEmpty {
            message += "; \(list) has: \(keys.joined(separator: ", "))"
        }
        throw .notFound(message)
    }
}
