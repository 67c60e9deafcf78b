import ChorusCore
import ChorusLint
import ChorusSupport
import ChorusTemplate
import Foundation
import Testing

/// The libFuzzer harnesses' seeds (Tests/Fuzz/Seeds, the inputs that once crashed Chorus among
/// them) replayed through the same entry points in the ordinary test run, so a crash they
/// found comes back as a failing test even where the sanitizer build is too slow to run.
@Suite("Fuzz seeds replayed without the fuzzer")
struct FuzzSeedTests {
    static let seeds = Repository.root.appendingPathComponent("Tests/Fuzz/Seeds")

    /// The seed files of one harness, by name.
    static func seeds(of harness: String) throws -> [(name: String, data: Data)] {
        let folder = seeds.appendingPathComponent(harness)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    static let renderer = Result { try DraftRenderer.load(audiences: Repository.audiences, phrasebook: Repository.phrasebook) }

    @Test func everyHarnessHasSeeds() throws {
        for harness in ["FuzzJSON", "FuzzState", "FuzzTemplate", "FuzzPhrasebook", "FuzzLint", "FuzzAudience", "FuzzJournal"] {
            #expect(try !Self.seeds(of: harness).isEmpty, "\(harness) has seeds")
        }
    }

    @Test func jsonSeedsParseOrFailWithAPosition() throws {
        for (name, data) in try Self.seeds(of: "FuzzJSON") {
            let input = Self.text(data)
            do {
                let node = try JSONParser.parse(input)
                #expect(node.position.offset <= input.utf8.count, "\(name)")
            } catch {
                #expect(error.position.line >= 1 && error.position.column >= 1, "\(name)")
            }
        }
    }

    /// monitoringPeriodMinutes near Int.max trapped `resolve`; a whole number beyond 2^53 was
    /// accepted. Each seed is refused with problems, or loads, survives its encoding and renders.
    @Test func stateSeedsLoadRoundTripAndRenderOrAreRefused() throws {
        let renderer = try Self.renderer.get()
        var loaded = 0
        for (name, data) in try Self.seeds(of: "FuzzState") {
            let state: IncidentState
            do {
                state = try StateDocument.load(Self.text(data)).state
            } catch {
                if case .invalid(let problems) = error { #expect(!problems.isEmpty, "\(name)") }
                continue
            }
            loaded += 1
            // Times are written to the millisecond: what is read back encodes to the same text.
            let encoded = try StateCoding.encode(state)
            #expect(try StateCoding.encode(StateDocument.load(encoded).state) == encoded, "\(name) survives its own encoding")
            _ = ResolveChecklist.check(state, now: state.lastUpdatedAt)
            let clock = RenderClock(now: state.lastUpdatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current)
            for audience in renderer.applicableAudiences(for: state) {
                for format in audience.formats {
                    _ = try? renderer.render(state, audience: audience.name, format: format, clock: clock)
                }
            }
        }
        #expect(loaded >= 1, "the valid examples among the seeds load")
        let refused = try Self.seeds(of: "FuzzState").filter { $0.name.contains("int-max") }
        for (name, data) in refused {
            #expect(throws: StateDocument.LoadError.self, "\(name) is refused") { try StateDocument.load(Self.text(data)) }
        }
    }

    /// 26 partials that each include the next twice stop at the expansion limit.
    @Test func templateSeedsRenderWithinTheLimitsOrFail() throws {
        for (name, data) in try Self.seeds(of: "FuzzTemplate") {
            let parts = Self.text(data).split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            try #require(parts.count >= 2, "\(name) holds data and a template")
            var sources = ["main": parts[1]]
            for part in parts.dropFirst(2) {
                let pieces = part.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                sources[String(pieces[0])] = pieces.count > 1 ? String(pieces[1]) : ""
            }
            let value = (try? JSONParser.parse(parts[0])).map(TemplateValue.init(json:)) ?? TemplateValue.string(parts[0])
            let library = try TemplateLibrary(sources: sources)
            for escaping in [TemplateEscaping.html, .text, .markdown, .slack] {
                if let output = try? library.render("main", value, escaping: escaping) {
                    #expect(output.utf8.count < 33_000_000, "\(name): the expansion is bounded")
                }
            }
        }
    }

    @Test func phrasebookAndLintSeedsGiveFindingsInsideTheText() throws {
        let linter = try Self.renderer.get().linter
        let everything = Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) })
        let policy = LintPolicy(severities: everything, lengthLimit: 200)
        for (name, data) in try Self.seeds(of: "FuzzLint") {
            let input = Self.text(data)
            let scalars = input.unicodeScalars.count
            let findings = linter.lint(input, policy: policy)
            #expect(!findings.isEmpty, "\(name) has findings")
            for finding in findings {
                #expect(finding.start >= 0 && finding.start <= finding.end && finding.end <= scalars, "\(name): a finding outside the text")
            }
            _ = linter.fix(input, policy: policy)
        }
        for (name, data) in try Self.seeds(of: "FuzzPhrasebook") {
            do {
                let book = try Phrasebook.parse([(name: name, text: Self.text(data))])
                _ = Linter(phrasebook: book).lint(Self.text(data), policy: LintPolicy(severities: everything))
            } catch {
                for problem in error.problems { #expect(problem.line >= 0 && problem.column >= 0, "\(name)") }
            }
        }
    }

    /// "lengthLimit": 9223372036854775807 trapped every command that loads audiences.
    @Test func audienceSeedsLoadOrFailWithProblems() throws {
        let folder = Repository.audiences.appendingPathComponent("customer")
        for (name, data) in try Self.seeds(of: "FuzzAudience") {
            do {
                let audience = try AudienceCatalog.parseDefinition(Self.text(data), file: "audience.json", folder: folder, folderName: "customer")
                #expect(!name.contains("length-limit"), "\(name) is refused")
                if let limit = audience.lengthLimit { #expect(limit >= 1) }
            } catch {
                #expect(!error.problems.isEmpty, "\(name)")
            }
        }
    }

    /// A revision or checkpoint seq of Int.max trapped; a complete line of an unknown kind was cut.
    @Test func journalSeedsReadOrFailWithAJournalError() throws {
        let scratch = try ScratchFolder(prefix: "chorus-journal")
        let marker = Array("\n#checkpoint\n".utf8)
        for (name, data) in try Self.seeds(of: "FuzzJournal") {
            let bytes = Array(data)
            var journalBytes = bytes, checkpointBytes: [UInt8]?
            if let cut = (0..<max(0, bytes.count - marker.count + 1)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }) {
                journalBytes = Array(bytes[..<(cut + 1)])
                checkpointBytes = Array(bytes[(cut + marker.count)...])
            }
            let store = JournalStore(root: scratch.url.appendingPathComponent(name))
            let journal = try store.journal(for: "INC-1")
            try FileManager.default.createDirectory(at: journal.folder, withIntermediateDirectories: true)
            let file = journal.folder.appendingPathComponent("journal.jsonl")
            try Data(journalBytes).write(to: file)
            if let checkpointBytes { try Data(checkpointBytes).write(to: journal.folder.appendingPathComponent("checkpoint.json")) }
            _ = try? journal.snapshot()
            _ = try? journal.entries()
            _ = try? journal.entryHeaders(texts: true)
            _ = try? journal.states(ofRevisions: [1, 2])
            _ = try journal.verify()
            if name.hasPrefix("newer-kind") {
                #expect(throws: (any Error).self, "\(name): a complete line this version cannot read stops writes") {
                    try journal.append(author: "fuzz", at: Date()) { _ in [JournalEntry(seq: 0, at: Date(), author: "", kind: .note)] }
                }
                #expect(try Data(contentsOf: file).starts(with: Array(#"{"seq":1,"kind":"redaction""#.utf8)), "\(name): the complete line is kept")
            }
        }
    }
}
