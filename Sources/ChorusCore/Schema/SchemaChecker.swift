import ChorusSupport

/// Checks a parsed JSON document against a `SchemaType`, collecting every problem.
public enum SchemaChecker {
    public static func check(_ node: JSONNode, against type: SchemaType, at path: JSONPath = .root) -> [SchemaProblem] {
        var problems: [SchemaProblem] = []
        check(node, type, path, &problems)
        return problems
    }

    private static func check(_ node: JSONNode, _ type: SchemaType, _ path: JSONPath, _ problems: inout [SchemaProblem]) {
        func problem(_ message: String) {
            problems.append(SchemaProblem(path: path, position: node.position, message: message))
        }
        switch type {
        case .string(let format):
            guard case .string(let text) = node.value else {
                return problem("expected \(describe(type)), found \(node.value.typeDescription)")
            }
            switch format {
            case .plain: break
            case .nonEmpty:
                if !SchemaPatterns.isNonBlank(text) { problem("must not be empty or blank") }
            case .dateTime:
                // One message for a malformed time in a file, whichever check finds it (the
                // parser alone would also take HH:MM without seconds, which files may not).
                let rfc3339 = "\"\(text)\" is not an RFC 3339 time: expected YYYY-MM-DDTHH:MM:SS with seconds 00-59, then Z or an offset such as +01:00"
                do {
                    _ = try ISO8601.parse(text)
                    if !SchemaPatterns.isDateTime(text) { problem(rfc3339) }
                } catch {
                    if case .malformed = error { problem(rfc3339) } else { problem(error.description) }
                }
            case .date:
                if !SchemaPatterns.isDate(text) || !CalendarDate.isValid(text) {
                    problem("\"\(text)\" is not a date: expected YYYY-MM-DD, such as 2026-12-01")
                }
            case .url:
                if !SchemaPatterns.isURL(text) {
                    problem("\"\(text)\" is not a link: expected an http:// or https:// URL")
                }
            }
        case .integer(let minimum):
            // A whole number is judged by its value, as JSON Schema does: 30, 30.0 and 3e1 are all 30.
            guard case .number(let value, let text) = node.value, !value.isFinite || value == value.rounded() else {
                return problem("expected a whole number, found \(node.value.typeDescription == "a number" ? "a fraction" : node.value.typeDescription)")
            }
            if let minimum, value < Double(minimum) { problem("must be at least \(minimum), found \(text)") }
            // Whole numbers stay within what a JSON number holds exactly, so no file can make a
            // later conversion or sum overflow.
            if value.magnitude > Double(SchemaType.largestInteger) { problem("must be at most \(SchemaType.largestInteger), found \(text)") }
        case .number:
            guard case .number(let value, let text) = node.value else { return problem("expected a number, found \(node.value.typeDescription)") }
            if !value.isFinite { problem("\(text) is out of range: numbers must lie within ±1.7976931348623157e308") }
        case .boolean:
            guard case .bool = node.value else { return problem("expected true or false, found \(node.value.typeDescription)") }
        case .enumeration(let values):
            guard case .string(let text) = node.value else {
                return problem("expected one of \(quotedList(values)), found \(node.value.typeDescription)")
            }
            if !values.contains(text) {
                var message = "\"\(text)\" is not allowed here; expected one of \(quotedList(values))"
                if let near = NameSuggestion.closest(to: text, among: values) { message += ". Did you mean \"\(near)\"?" }
                problem(message)
            }
        case .array(let element):
            guard case .array(let elements) = node.value else {
                return problem("expected an array (a list in [ ]), found \(node.value.typeDescription)")
            }
            for (index, child) in elements.enumerated() {
                check(child, element, path.appending(index), &problems)
            }
        case .object(let schema):
            guard case .object(let members) = node.value else {
                return problem("expected an object ({ … }), found \(node.value.typeDescription)")
            }
            let known = schema.properties.map(\.name)
            for member in members {
                let memberPath = path.appending(member.key)
                guard let property = schema.properties.first(where: { $0.name == member.key }) else {
                    if schema.ignoredKeys.contains(member.key) {
                        // `$schema`, `$comment`: accepted and not used, but strings, as JSON Schema says.
                        if !member.key.hasPrefix("$") { continue }
                        if case .string = member.node.value {} else {
                            problems.append(SchemaProblem(path: memberPath, position: member.node.position,
                                                          message: "expected a string, found \(member.node.value.typeDescription)"))
                        }
                        continue
                    }
                    var message = "unknown key \"\(member.key)\" in \(schema.description)"
                    if let near = NameSuggestion.closest(to: member.key, among: known + schema.ignoredKeys) {
                        message += ". Did you mean \"\(near)\"?"
                    } else {
                        message += "; known keys: \(known.joined(separator: ", "))"
                    }
                    problems.append(SchemaProblem(path: memberPath, position: member.keyPosition, message: message))
                    continue
                }
                if case .null = member.node.value {
                    if !property.nullable {
                        problems.append(SchemaProblem(path: memberPath, position: member.node.position,
                                                      message: "must not be null: expected \(describe(property.type))"))
                    }
                    continue
                }
                check(member.node, property.type, memberPath, &problems)
            }
            for property in schema.properties where property.required {
                if !members.contains(where: { $0.key == property.name }) {
                    problems.append(SchemaProblem(
                        path: path.appending(property.name), position: node.position,
                        message: "missing required key \"\(property.name)\" (\(property.description))"
                    ))
                }
            }
        }
    }

    static func describe(_ type: SchemaType) -> String {
        switch type {
        case .string(.dateTime): return "an ISO 8601 time with zone (a string)"
        case .string(.date): return "a date YYYY-MM-DD (a string)"
        case .string(.url): return "a URL (a string)"
        case .string: return "a string"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .enumeration(let values): return "one of \(quotedList(values))"
        case .array: return "an array"
        case .object(let schema): return "an object (\(schema.description))"
        }
    }

    static func quotedList(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

/// Calendar dates `YYYY-MM-DD`, as used for due dates.
public enum CalendarDate {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return (try? ISO8601.parse("\(text)T00:00:00Z")) != nil && day <= 31 && year > 0
    }
}
