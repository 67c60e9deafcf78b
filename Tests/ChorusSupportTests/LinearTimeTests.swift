import ChorusSupport
import ChorusTestSupport
import Foundation
import Testing

@Suite("Linear time: the JSON parser")
struct JSONLinearTimeTests {
    static func object(keys: Int) -> String {
        "{" + (0..<keys).map { "\"key\($0)\": \($0)" }.joined(separator: ", ") + "}"
    }

    /// 40,000 keys took 10 s when every key was compared with every earlier one.
    @Test func theDuplicateKeyCheckIsLinearInTheNumberOfKeys() throws {
        let small = Self.object(keys: 10_000), large = Self.object(keys: 40_000)
        let (smallTime, largeTime, ratio) = try GrowthRatio.measure(small: { _ = try JSONParser.parse(small) },
                                                                    large: { _ = try JSONParser.parse(large) })
        print("JSON parse: 10,000 keys \(smallTime) s, 40,000 keys \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the keys cost ×\(ratio) (quadratic would be ×16)")
        do {
            _ = try JSONParser.parse(String(large.dropLast()) + ", \"key39999\": 1}")
            Issue.record("a duplicate key among 40,000 was not found")
        } catch {
            #expect(error.message.contains("duplicate key \"key39999\""))
        }
    }
}
