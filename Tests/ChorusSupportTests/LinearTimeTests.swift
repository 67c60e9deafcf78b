import ChorusSupport
import Foundation
import Testing

/// Growth of a cost with its input, judged by CPU time of the calling thread (not wall-clock:
/// other tests and processes sharing the machine do not inflate it), the smallest of a few
/// alternating rounds at each size, compared by a generous ratio.
enum GrowthRatio {
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// (fastest small, fastest large, large / small) over `rounds` alternating rounds.
    static func measure(rounds: Int = 3, small: () throws -> Void, large: () throws -> Void) rethrows -> (small: Double, large: Double, ratio: Double) {
        var best = (small: Double.infinity, large: Double.infinity)
        for _ in 0..<rounds {
            var start = threadCPUSeconds()
            try small()
            best.small = min(best.small, threadCPUSeconds() - start)
            start = threadCPUSeconds()
            try large()
            best.large = min(best.large, threadCPUSeconds() - start)
        }
        return (best.small, best.large, best.large / max(best.small, 1e-6))
    }
}

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
