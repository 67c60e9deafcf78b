import ChorusSupport
import Foundation

/// A small JSON Schema (draft 2020-12) evaluator for the keywords `chorus schema` writes: type,
/// enum, required, properties, additionalProperties, items, $ref into $defs, anyOf, minLength,
/// pattern, minimum, maximum (format is an annotation in 2020-12 and is not asserted). It is
/// independent of Chorus's own checker, so a test can run a document through both.
struct JSONSchemaEvaluator {
    let root: JSONNode

    init(schema text: String) throws { root = try JSONParser.parse(text) }

    /// The instance locations (JSON pointers) where the document breaks the schema.
    func errors(in document: JSONNode) -> [String] {
        var errors: [String] = []
        evaluate(document, root, "", &errors)
        return errors
    }

    private func evaluate(_ node: JSONNode, _ schema: JSONNode, _ at: String, _ errors: inout [String]) {
        if let ref = schema["$ref"]?.stringValue {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let target = root["$defs"]?[name] else { return errors.append("\(at): unresolved \(ref)") }
            evaluate(node, target, at, &errors)
        }
        if case .array(let options)? = schema["anyOf"]?.value {
            let passes = options.contains { option in
                var scratch: [String] = []
                evaluate(node, option, at, &scratch)
                return scratch.isEmpty
            }
            if !passes { errors.append("\(at): anyOf") }
        }
        if let type = schema["type"]?.stringValue, !has(node, type: type) { return errors.append("\(at): type \(type)") }
        if case .array(let values)? = schema["enum"]?.value, !values.contains(where: { $0.value == node.value }) {
            errors.append("\(at): enum")
        }
        switch node.value {
        case .string(let text):
            if case .number(let minimum, _)? = schema["minLength"]?.value, Double(text.unicodeScalars.count) < minimum { errors.append("\(at): minLength") }
            if let pattern = schema["pattern"]?.stringValue {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil { errors.append("\(at): pattern") }
            }
        case .number(let value, _):
            if case .number(let minimum, _)? = schema["minimum"]?.value, value < minimum { errors.append("\(at): minimum") }
            if case .number(let maximum, _)? = schema["maximum"]?.value, value > maximum { errors.append("\(at): maximum") }
        case .array(let elements):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { evaluate(element, items, "\(at)/\(index)", &errors) }
            }
        case .object(let members):
            let properties = schema["properties"]
            for member in members {
                if let property = properties?[member.key] {
                    evaluate(member.node, property, "\(at)/\(member.key)", &errors)
                } else if schema["additionalProperties"]?.value == .bool(false) {
                    errors.append("\(at)/\(member.key): additionalProperties")
                }
            }
            if case .array(let required)? = schema["required"]?.value {
                for name in required.compactMap(\.stringValue) where !members.contains(where: { $0.key == name }) {
                    errors.append("\(at): required \(name)")
                }
            }
        default:
            break
        }
    }

    private func has(_ node: JSONNode, type: String) -> Bool {
        switch (node.value, type) {
        case (.string, "string"), (.bool, "boolean"), (.null, "null"), (.array, "array"), (.object, "object"), (.number, "number"): return true
        case (.number(let value, _), "integer"): return value.isFinite && value == value.rounded()
        default: return false
        }
    }
}
