@testable import ChorusLint
import Foundation
import Testing

/// The compiled phrasebook written to bytes and read back lints exactly as the one compiled
/// from the text, and damaged bytes are refused, never trusted and never a crash.
@Suite("Compiled phrasebook")
struct CompiledPhrasebookTests {
    static let policy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))

    /// Texts to lint: the regression set and every rule example (own words, many kinds).
    static func texts() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("evaluation.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let evaluation = lines.filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t", maxSplits: 1).last.map(String.init) }
        let examples = Linter.rules.flatMap { ($0.triggeringExamples + $0.nonTriggeringExamples).map(\.text) }
        return evaluation + examples
    }

    static func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.category) \($0.start)-\($0.end) \($0.line):\($0.column) \($0.message) \($0.suggestion ?? "-") \($0.fix ?? "-")" }
    }

    @Test func readBackLintsExactlyAsCompiled() throws {
        let compiled = try Shipped.phrasebook
        let bytes = compiled.compiledForm()
        // (Not `#require(Phrasebook(compiledForm: bytes))`: a failure would print the megabyte.)
        let decoded = Phrasebook(compiledForm: bytes)
        try #require(decoded != nil, "the compiled form of the shipped phrasebook reads back")
        guard let readBack = decoded else { return }
        #expect(readBack.entries == compiled.entries)
        #expect(readBack.identifierParts == compiled.identifierParts && readBack.hostLabels == compiled.hostLabels)
        #expect(readBack.files == compiled.files && readBack.wordClassCount == compiled.wordClassCount)
        #expect(readBack.compiledForm() == bytes, "writing the read-back phrasebook gives the same bytes")
        let (a, b) = (Linter(phrasebook: compiled), Linter(phrasebook: readBack))
        let texts = try Self.texts()
        #expect(texts.count > 300)
        var differing = 0
        for text in texts where Self.describe(a.lint(text, policy: Self.policy)) != Self.describe(b.lint(text, policy: Self.policy)) {
            differing += 1
            Issue.record("lints differently after reading back: \(text)")
        }
        #expect(differing == 0)
    }

    /// The shipped phrasebook's compiled form with its program changed by `change`.
    static func crafted(_ change: (inout MatchProgram, inout [CompiledEntry]) -> Void) throws -> [UInt8] {
        let book = try Shipped.phrasebook
        var (program, compiled) = (book.program, book.compiled)
        change(&program, &compiled)
        return Phrasebook(entries: book.entries, identifierParts: book.identifierParts, hostLabels: book.hostLabels,
                          files: book.files, compiled: compiled, program: program, fixable: book.fixable).compiledForm()
    }

    /// Forms that pass the checksum but would make the matcher take exponential time, overflow
    /// the stack, trap on arithmetic or allocate without bound are refused.
    @Test func craftedFormsThatWouldHangOrTrapAreRefused() throws {
        // `depth` optionals, each holding the one before it (`overlapping`: and everything before).
        func nested(_ depth: Int, overlapping: Bool) throws -> [UInt8] {
            try Self.crafted { program, compiled in
                let base = Int32(program.instructions.count)
                program.instructions.append(Instruction(operation: .gap, a: 1))
                for i in 1...depth {
                    program.instructions.append(Instruction(operation: .optional, a: overlapping ? base : base + Int32(i - 1), b: base + Int32(i)))
                }
                compiled[0].code = Code(start: base + Int32(depth), end: base + Int32(depth) + 1)
            }
        }
        #expect(Phrasebook(compiledForm: try nested(8, overlapping: false)) != nil, "modest nesting is what phrasebooks compile to")
        #expect(Phrasebook(compiledForm: try nested(40, overlapping: true)) == nil, "codes that share instructions")
        #expect(Phrasebook(compiledForm: try nested(MatchProgram.maximumNesting + 1, overlapping: false)) == nil, "too deep")
        let circle = try Self.crafted { program, _ in
            let at = Int32(program.instructions.count)
            program.instructions.append(Instruction(operation: .wordClass, a: 0))
            program.classSequences.append((wordClass: 0, code: Code(start: at, end: at + 1)))
        }
        #expect(Phrasebook(compiledForm: circle) == nil, "a word class that names itself")
        #expect(Phrasebook(compiledForm: try Self.crafted { program, _ in program.index.spans[0] = Int.min }) == nil)
        #expect(Phrasebook(compiledForm: try Self.crafted { program, _ in program.classStride = 1 << 20 }) == nil)
        let slots = try Self.crafted { program, _ in
            program.classMembers += Array(repeating: 0, count: program.lexicon.count * program.classStride - program.classMembers.count + 1)
        }
        #expect(Phrasebook(compiledForm: slots) == nil, "more class slots than words")
    }
}
