@testable import ChorusLint
import Testing

@Suite("Matching")
struct MatchingTests {
    @Test func simpleInflectionsOfMultiWordTerms() throws {
        for text in ["We will roll back the change.", "We rolled back the change.", "We are rolling back the change.",
                     "We started a rollback.", "Two rollbacks ran.", "A roll-back ran."] {
            #expect(try found(text).count == 1, "\(text)")
            #expect(try lint(text).first?.category == .jargon)
        }
    }

    @Test func caseInsensitiveAndLongestMatchFirst() throws {
        // "database replica" beats "replica"; "Root Cause" matches "root cause".
        #expect(try found("The DATABASE REPLICA lagged. Root Cause: disk.") == ["jargon: DATABASE REPLICA", "jargon: Root Cause"])
        // The longest ETA phrase wins over the time inside it.
        #expect(try found("Service will be restored by 14:00 UTC.") == ["eta: will be restored by 14:00 UTC"])
    }

    @Test func differentCategoriesMayOverlap() throws {
        #expect(try found("We guarantee a fix by end of day.") == ["promise: guarantee", "eta: by end of day"])
    }

    @Test func phrasesDoNotCrossSentences() throws {
        #expect(try found("It looks. Like a bug.") == [])
        #expect(try found("It looks\nlike rain.") == [])
    }

    @Test func costDoesNotGrowWithThePhrasebook() throws {
        // 10,000 extra terms compile, match, and change nothing for text that has none of them.
        var lines = ["[substitution jargon]", "message: {match}"]
        for k in 0..<10_000 { lines.append("zq\(k)term alpha\(k) => plain \(k)") }
        let shipped = try Shipped.phrasebook
        var files = try shipped.files.map { (name: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
        files.append((name: "generated.txt", text: lines.joined(separator: "\n")))
        let large = try Phrasebook.parse(files)
        #expect(large.entries.count == shipped.entries.count + 10_000)
        let text = "We suspect a rollback; ETA 14:00. Zq77term alpha77 too."
        let small = Linter(phrasebook: shipped).lint(text, policy: phrasePolicy).map(\.match)
        let big = Linter(phrasebook: large).lint(text, policy: phrasePolicy).map(\.match)
        #expect(small == ["suspect", "rollback", "ETA"])
        #expect(big == small + ["Zq77term alpha77"])
    }
}

@Suite("Byte search")
struct ByteSearchTests {
    @Test(arguments: 0..<40)
    func findsTheFirstOfTwoBytesLikeALinearScan(seed: Int) {
        // Few distinct bytes, so matches, near misses (a byte one off) and borrows across bytes
        // are common; every start and end offset is tried.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let alphabet: [UInt8] = [0x00, 0x01, 0x40, 0x41, 0x61, 0x62, 0x80, 0xFF]
        let bytes = (0..<(5 + seed)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
        let (a, b) = (alphabet[Int(next() % 8)], alphabet[Int(next() % 8)])
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0...buffer.count {
                for end in start...buffer.count {
                    let expected = (start..<end).first { buffer[$0] == a || buffer[$0] == b } ?? end
                    #expect(ByteSearch.firstIndex(of: a, or: b, in: buffer, from: start, to: end) == expected)
                }
            }
        }
    }
}
