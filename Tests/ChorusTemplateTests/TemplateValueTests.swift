import ChorusSupport
import ChorusTemplate
import Foundation
import Testing

@Suite("Template values from JSON and Encodable")
struct TemplateValueTests {
    @Test func jsonNumbersKeepWholeAndDecimalApart() throws {
        let node = try JSONParser.parse(#"{"a": 85, "b": 1.21, "c": 1.210, "d": 1.0, "e": -3, "f": 2e3, "g": 12345678901234567890, "h": 0.1}"#)
        let value = TemplateValue(json: node)
        #expect(value["a"] == .int(85))
        #expect(value["b"] == .double(1.21))
        #expect(value["e"] == .int(-3))
        let output = try Template("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}}").render(value)
        #expect(output == "85 1.21 1.21 1 -3 2000 1.2345678901234567e+19 0.1")
    }

    @Test func jsonStructure() throws {
        let node = try JSONParser.parse(#"{"s": "x", "t": true, "n": null, "l": [1, "two", {"k": false}], "o": {}}"#)
        #expect(TemplateValue(json: node) == [
            "s": "x", "t": true, "n": nil, "l": [1, "two", ["k": false]], "o": [:],
        ])
    }

    @Test func truthiness() throws {
        let template = try Template("{{#v}}T{{/v}}{{^v}}F{{/v}}")
        let cases: [(TemplateValue, String)] = [
            (nil, "F"), (false, "F"), (true, "T"), ("", "F"), ("x", "T"), (0, "T"), (0.0, "T"),
            ([], "F"), ([false], "T"), ([:], "T"), (.lambda(TemplateLambda { "" }), "F"),
        ]
        for (value, expected) in cases {
            let output = try template.render(["v": value])
            if case .lambda = value {
                // A section lambda is called; an inverted one sees a truthy value.
                #expect(output == "", "lambda")
            } else {
                #expect(output == expected, "\(value)")
            }
        }
    }

    struct Person: Encodable {
        var name: String
        var age: Int
        var nickname: String?
        var height: Double
        var ratio: Float
    }

    enum Status: String, Encodable { case investigating, resolved }

    struct Incident: Encodable {
        var title: String
        var status: Status
        var lead: Person
        var people: [Person]
        var started: Date
        var link: URL
        var tags: Set<String>
        var counts: [String: Int]
        var budget: Decimal
        var big: UInt64
        var flags: [Bool]
        var nothing: Int?

        enum CodingKeys: String, CodingKey {
            case title, status, lead, people, started, link, tags, counts, budget, big, flags, nothing
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(status, forKey: .status)
            try container.encode(lead, forKey: .lead)
            try container.encode(people, forKey: .people)
            try container.encode(started, forKey: .started)
            try container.encode(link, forKey: .link)
            try container.encode(tags.sorted(), forKey: .tags)
            try container.encode(counts, forKey: .counts)
            try container.encode(budget, forKey: .budget)
            try container.encode(big, forKey: .big)
            var nested = container.nestedUnkeyedContainer(forKey: .flags)
            for flag in flags { try nested.encode(flag) }
            try container.encodeNil(forKey: .nothing)
        }
    }

    @Test func encodableValues() throws {
        let lead = Person(name: "Ann", age: 41, nickname: nil, height: 1.7, ratio: 1.21)
        let incident = Incident(
            title: "Checkout <errors>", status: .investigating, lead: lead,
            people: [lead, Person(name: "Bo", age: 30, nickname: "B", height: 1.8, ratio: 0.5)],
            started: Date(timeIntervalSince1970: 1_700_000_000), link: URL(string: "https://status.example/i/1")!,
            tags: ["b", "a"], counts: ["errors": 12], budget: Decimal(string: "12.50")!, big: UInt64.max,
            flags: [true, false], nothing: nil
        )
        let value = try TemplateValue(encoding: incident)
        #expect(value["title"] == "Checkout <errors>")
        #expect(value["status"] == "investigating")
        #expect(value["lead"] == ["name": "Ann", "age": 41, "height": 1.7, "ratio": 1.21])
        #expect(value["started"] == "2023-11-14T22:13:20Z")
        #expect(value["link"] == "https://status.example/i/1")
        #expect(value["tags"] == ["a", "b"])
        #expect(value["counts"] == ["errors": 12])
        #expect(value["budget"] == .double(12.5))
        #expect(value["big"] == .double(Double(UInt64.max)))
        #expect(value["flags"] == [true, false])
        #expect(value["nothing"] == .null)
        let template = try Template("{{title}} ({{status}}) led by {{lead.name}}, {{lead.age}}{{#lead.nickname}} aka {{.}}{{/lead.nickname}}: {{#people}}{{name}}{{#nickname}} ({{.}}){{/nickname}}; {{/people}}{{lead.ratio}}")
        #expect(try template.render(value) == "Checkout &lt;errors&gt; (investigating) led by Ann, 41: Ann; Bo (B); 1.21")
    }

    @Test func encodableTopLevelShapes() throws {
        #expect(try TemplateValue(encoding: [1, 2, 3]) == [1, 2, 3])
        #expect(try TemplateValue(encoding: "x") == "x")
        #expect(try TemplateValue(encoding: Optional<Int>.none) == .null)
        #expect(try TemplateValue(encoding: ["k": [true]]) == ["k": [true]])
        #expect(try TemplateValue(encoding: Decimal(7)) == 7)
    }

    struct Base: Encodable {
        var id = 1
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: Key(stringValue: "id")!)
            try container.encode("base", forKey: Key(stringValue: "kind")!)
            try id.encode(to: container.superEncoder())
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { return nil }
        }
    }

    @Test func superEncoderLandsUnderSuper() throws {
        #expect(try TemplateValue(encoding: Base()) == ["id": 1, "kind": "base", "super": 1])
    }

    @Test func literalsAndDescriptions() {
        let value: TemplateValue = ["a": [1, 2.5, "x\"y", nil, true]]
        #expect(value.description == #"{"a": [1, 2.5, "x\"y", null, true]}"#)
        #expect(TemplateValue.double(1e300).interpolationText == "1e+300")
        #expect(TemplateValue.double(-0.5).interpolationText == "-0.5")
        #expect(TemplateValue.bool(true).interpolationText == "true")
        #expect(TemplateValue.null.interpolationText == "")
        #expect(TemplateValue.object(["a": 1]).interpolationText == "")
    }
}
