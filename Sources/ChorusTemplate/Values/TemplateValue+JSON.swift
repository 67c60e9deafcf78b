import ChorusSupport

extension TemplateValue {
    /// The template value of a parsed JSON document (see `ChorusSupport.JSONParser`).
    ///
    /// Numbers written without a fraction or exponent that fit in an `Int` become `.int`
    /// (so `85` prints as `85`); every other number becomes `.double` (`1.210` prints as `1.21`).
    public init(json node: JSONNode) {
        self.init(json: node.value)
    }

    /// The template value of a JSON value.
    public init(json value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let number, let text): self = TemplateValue.number(number, text: text)
        case .array(let elements): self = .list(elements.map { TemplateValue(json: $0.value) })
        case .object(let members):
            var object: [String: TemplateValue] = [:]
            object.reserveCapacity(members.count)
            for member in members { object[member.key] = TemplateValue(json: member.node.value) }
            self = .object(object)
        }
    }

    private static func number(_ number: Double, text: String) -> TemplateValue {
        let isWhole = !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        if isWhole, let integer = Int(text) { return .int(integer) }
        return .double(number)
    }
}
