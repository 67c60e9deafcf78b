import ChorusSupport
import Testing

@Suite("JSON parser with positions")
struct JSONParserTests {
    @Test func parsesValuesAndRemembersPositions() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}")
        #expect(node.position == SourcePosition(line: 1, column: 1, offset: 0))
        let a = try #require(node["a"])
        #expect(a.position.line == 2)
        #expect(a.position.column == 8)
        #expect(a[1]?.stringValue == "x")
        #expect(node.keyPosition("b", in: .root) == SourcePosition(line: 3, column: 3, offset: 21))
        let (found, position) = node.locate(JSONPath.root.appending("b").appending("c"))
        #expect(found?.value == .null)
        #expect(position.line == 3)
    }

    @Test func locateFallsBackToDeepestExistingAncestor() throws {
        let node = try JSONParser.parse("{\"list\": [ {\"k\": 1} ]}")
        let (found, position) = node.locate(JSONPath.root.appending("list").appending(0).appending("missing"))
        #expect(found == nil)
        #expect(position.column == 12)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected 'true'"),
        ("{\"a\": \"b\n\"}", 1, 9, "line break inside a string"),
        ("{'a': 1}", 1, 2, "expected a key in double quotes"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("{\"a\": 1} x", 1, 10, "end of input"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
        ("// c\n{}", 1, 1, "comments are not allowed"),
        ("", 1, 1, "found end of input"),
        // QA #20: "not json" was "expected 'null', found 'n'".
        ("not json", 1, 1, "expected a value (object, array, string, number, true, false or null), found 'not'"),
        ("[fals]", 1, 2, "expected 'false'"),
    ])
    func malformedInputIsReportedWithLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a syntax error for \(text)")
        } catch {
            #expect(error.position.line == line, "\(error)")
            #expect(error.position.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.lineText == text.sourceLine(line))
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let node = try JSONParser.parse(#"["\u00e9\n\t\"\\\/", "\ud83d\ude00"]"#)
        #expect(node[0]?.stringValue == "é\n\t\"\\/")
        #expect(node[1]?.stringValue == "😀")
    }

    @Test func numbersKeepTheirText() throws {
        let node = try JSONParser.parse("[1, -2.50, 3e2]")
        #expect(node[1]?.value == .number(-2.5, text: "-2.50"))
        #expect(node[2]?.value == .number(300, text: "3e2"))
    }

    @Test func invalidUTF8IsRefusedWithAPosition() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x7B, 0x0A, 0xFF, 0x7D]) }
        do { _ = try JSONParser.parse([0x7B, 0x0A, 0xFF, 0x7D]) } catch { #expect(error.position.line == 2) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func pathsPrintInTheUsualNotation() {
        let path = JSONPath.root.appending("components").appending(0).appending("public name")
        #expect(path.description == "$.components[0][\"public name\"]")
    }
}
