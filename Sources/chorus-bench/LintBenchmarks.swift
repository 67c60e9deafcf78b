import ChorusLint
import Foundation

/// The lint engine's throughput over about 1 MB of varied incident prose (customer updates,
/// engineering notes with labelled hypotheses, support replies, review prose; about one
/// sentence in eight has something to report), with the shipped phrasebook and again with
/// 10,000 generated jargon terms added: matching must not slow with phrasebook size. A third
/// figure lints a dense corpus where most sentences have findings (the worst case).
let lintBenchmarks = BenchmarkGroup(name: "lint") { root in
    let shippedFolder = root.appendingPathComponent("phrasebook")
    let corpus = LintCorpus.generate(bytes: 1_000_000, templates: LintCorpus.varied)
    let dense = LintCorpus.generate(bytes: 1_000_000, templates: LintCorpus.dense)
    let bytes = corpus.utf8.count
    let policy = LintPolicy.strict
    var figures: [Figure] = []

    var loaded: Phrasebook?
    let loadShipped = try Stopwatch.nanosecondsPerCall(seconds: 0.3, warmup: 1) {
        loaded = try Phrasebook.load(from: shippedFolder)
    }
    guard let shipped = loaded else { throw LintBenchmarkError("the shipped phrasebook did not load") }

    let (largeFolder, generatedTerms) = try LintCorpus.phrasebookWithGeneratedJargon(copying: shippedFolder, terms: 10_000)
    defer { try? FileManager.default.removeItem(at: largeFolder) }
    var loadedLarge: Phrasebook?
    let loadLarge = try Stopwatch.nanosecondsPerCall(seconds: 0.3, warmup: 1) {
        loadedLarge = try Phrasebook.load(from: largeFolder)
    }
    guard let large = loadedLarge else { throw LintBenchmarkError("the 10,000-term phrasebook did not load") }

    var sink = 0
    let shippedLinter = Linter(phrasebook: shipped)
    let largeLinter = Linter(phrasebook: large)
    let findings = shippedLinter.lint(corpus, policy: policy).count
    let largeFindings = largeLinter.lint(corpus, policy: policy).count
    // The two phrasebooks are timed in alternating rounds, so that a slow spell of a shared
    // machine falls on both and the slowdown (the median of per-round ratios) stays honest.
    let paired = Stopwatch.pairedNanosecondsPerCall(seconds: 4, warmup: 2) {
        sink &+= shippedLinter.lint(corpus, policy: policy).count
    } _: {
        sink &+= largeLinter.lint(corpus, policy: policy).count
    }
    let (shippedTime, largeTime) = (paired.first, paired.second)
    let denseFindings = shippedLinter.lint(dense, policy: policy).count
    let denseTime = Stopwatch.nanosecondsPerCall(seconds: 2, warmup: 2) {
        sink &+= shippedLinter.lint(dense, policy: policy).count
    }
    precondition(sink > 0)

    let common = ["corpus_bytes": String(bytes), "policy": "strict (every category an error)", "cores": "1"]
    func inputs(_ extra: [String: String]) -> [String: String] { common.merging(extra) { $1 } }
    func perKB(_ count: Int, _ size: Int) -> String { String(format: "%.2f", Double(count) / Double(size) * 1000) }
    let shippedInputs = inputs(["phrasebook": "shipped", "entries": String(shipped.entries.count), "findings": String(findings),
                                "findings_per_kb": perKB(findings, bytes), "corpus": "varied"])
    let largeInputs = inputs(["phrasebook": "shipped + \(generatedTerms) generated jargon terms",
                              "entries": String(large.entries.count), "findings": String(largeFindings),
                              "findings_per_kb": perKB(largeFindings, bytes), "corpus": "varied"])
    figures.append(Figure(name: "lint.shipped.throughput", value: Double(bytes) / shippedTime * 1e9 / 1_000_000,
                          unit: "MB/s", inputs: shippedInputs))
    figures.append(Figure(name: "lint.10k_jargon.throughput", value: Double(bytes) / largeTime * 1e9 / 1_000_000,
                          unit: "MB/s", inputs: largeInputs))
    figures.append(Figure(name: "lint.10k_jargon.slowdown", value: paired.ratio, unit: "x",
                          inputs: inputs(["target": "<= 1.2", "method": "median of per-round ratios, rounds alternating"])))
    figures.append(Figure(name: "lint.dense.throughput", value: Double(dense.utf8.count) / denseTime * 1e9 / 1_000_000, unit: "MB/s",
                          inputs: inputs(["phrasebook": "shipped", "corpus": "dense (most sentences have findings)",
                                          "corpus_bytes": String(dense.utf8.count), "findings": String(denseFindings),
                                          "findings_per_kb": perKB(denseFindings, dense.utf8.count)])))
    figures.append(Figure(name: "lint.shipped.load", value: loadShipped / 1e6, unit: "ms", inputs: shippedInputs))
    figures.append(Figure(name: "lint.10k_jargon.load", value: loadLarge / 1e6, unit: "ms", inputs: largeInputs))
    figures += try lintStartUpFigures(root: root)
    return figures
}

/// Whole-process start-up: `chorus lint SHORT --audience customer` against `chorus --version`,
/// with the compiled phrasebook read from a cache folder (every start after the first), and
/// with the cache off (a first start, or an edited phrasebook: the compile included).
func lintStartUpFigures(root: URL) throws -> [Figure] {
    guard let chorus = ProcessTimer.chorusExecutable() else { return [] }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-bench-startup-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("short.txt")
    try "We are investigating failed uploads. Next update by 15:30 UTC.\n".write(to: draft, atomically: true, encoding: .utf8)
    let lint = ["lint", draft.path, "--audience", "customer"]
    let version = try ProcessTimer.medianMilliseconds(chorus, ["--version"], directory: root)
    let cached = try ProcessTimer.medianMilliseconds(chorus, lint, directory: root, acceptedStatuses: [0, 1],
                                                     environment: ["CHORUS_CACHE_DIR": folder.appendingPathComponent("cache").path])
    let compiled = try ProcessTimer.medianMilliseconds(chorus, lint, directory: root, runs: 9, acceptedStatuses: [0, 1],
                                                       environment: ["CHORUS_CACHE_DIR": "off"])
    let inputs = ["command": "chorus lint short.txt --audience customer", "baseline": "chorus --version", "runs": "21 (median)"]
    return [
        Figure(name: "lint.process.version", value: version, unit: "ms", inputs: ["command": "chorus --version", "runs": "21 (median)"]),
        Figure(name: "lint.process.cached", value: cached, unit: "ms", inputs: inputs.merging(["phrasebook": "compiled form read from the cache"]) { $1 }),
        Figure(name: "lint.process.cached_ratio", value: cached / version, unit: "x", inputs: inputs.merging(["target": "<= 2.5"]) { $1 }),
        Figure(name: "lint.process.compiling", value: compiled, unit: "ms",
               inputs: inputs.merging(["phrasebook": "parsed and compiled (CHORUS_CACHE_DIR=off)", "runs": "9 (median)"]) { $1 }),
    ]
}

struct LintBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Deterministic incident prose and a phrasebook padded with generated jargon.
enum LintCorpus {
    /// SplitMix64: the same corpus on every run and machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    static let features = ["checkout", "sign-in", "search", "file uploads", "email delivery", "the mobile app", "invoices",
                           "card payments", "the dashboard", "exports", "notifications", "single sign-on", "reports"]
    static let regions = ["Europe", "North America", "Asia", "the EU region", "Brazil", "Australia"]
    static let people = ["Priya", "Dave", "Maria", "Sam", "Alex", "Jordan", "Kenji", "Fatima"]
    static let services = ["payments-api", "auth_service", "search-indexer-02", "orders-worker-3", "db-01.prod.internal",
                           "10.0.3.17", "checkoutService", "ledger-db"]

    /// Realistic drafts: mostly clean, as drafts that reach review are, with the occasional
    /// speculation, ETA, jargon, blame or internal name a reviewer would catch.
    static let varied: [String] = clean + clean + flagged.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)

    /// Sentences with nothing to report.
    static let clean: [String] = [
        "We are investigating reports that {feature} is failing for some customers in {region}.",
        "Some customers cannot use {feature}. Other features are working normally.",
        "Between {t1} and {t2} UTC, about {pct}% of requests to {feature} failed.",
        "We have identified the cause and are working on a fix.",
        "A fix has been implemented and we are monitoring the results.",
        "This incident has been resolved. {Feature} is working normally again.",
        "We will post the next update by {t2} UTC.",
        "Next update in {n} minutes.",
        "We'll update you within the hour.",
        "We are sorry for the disruption this caused, and we thank you for your patience.",
        "What you can do: retry in a few minutes, or use the mobile app while we restore the website.",
        "Roughly {big} customers could not complete {feature} for {n} minutes.",
        "{Person} is leading the response; {person2} is handling customer communication.",
        "Errors started at {t1} UTC and stopped at {t2} UTC after the change was undone.",
        "By {t2} UTC, error rates had returned to normal.",
        "The issue was resolved within {n} minutes of the first report.",
        "We do not have an ETA for a fix yet, and we will share more as soon as we can.",
        "There is no evidence that any customer data was accessed.",
        "Customers may see a pending charge that disappears within a few days.",
        "Our review is blameless and focuses on how the system let this happen.",
        "Follow-ups: add an alert for queue depth (owner {person}, due in two weeks).",
        "A customer wrote \"{feature} has been broken all morning\" in a ticket.",
        "Details: https://status.example.com/incidents/{n}-{feature2} and the dashboard.",
        "Impact in numbers: {big} failed attempts, {pct}% of traffic, {n} minutes.",
        "The team restored service at {t2} UTC and is watching error rates closely.",
        "Next steps: {person} is checking the import logs; {person2} is preparing the customer email.",
        "Card payments on the website and in the mobile apps are affected; bank transfers are not.",
        "If you were charged twice, the duplicate charge will be refunded automatically.",
        "You do not need to do anything: orders placed during the incident were saved.",
        "We changed how orders are retried so that a slow payment provider cannot stall checkout.",
        "Thank you for your patience while we worked on this.",
        "Customers in {region} saw errors when signing in; other regions were not affected.",
        "We paused the new release and moved traffic back to the previous version at {t1} UTC.",
        "Support has an approved reply for tickets about {feature}; please use it.",
        "Please do not promise a time for the fix or discuss the cause with customers.",
        "The incident began at {t1} UTC when requests to {feature} started to fail.",
        "Engineers confirmed the cause at {t2} UTC and began rolling out the correction.",
        "We will publish a full review within five business days.",
        "Known facts: errors started at {t1} UTC; only web checkout is affected; mobile is fine.",
        "This update replaces our earlier message, which gave the wrong start time.",
    ]

    /// Sentences a reviewer would flag, one or two problems each.
    static let flagged: [String] = [
        "The outage was probably caused by a bad configuration push.",
        "We suspect the new load balancer rules are dropping traffic to {feature}.",
        "Hypothesis: the connection pool is probably too small for peak traffic.",
        "Service will be restored by {t2} UTC.",
        "We expect to have this fixed within the hour.",
        "This will not happen again.",
        "Users saw 5xx errors and elevated latency when loading {feature}.",
        "We started a rollback of the latest deploy at {t1} UTC.",
        "Errors came from {service} after the release.",
        "This was just a minor bug that affected only a few users.",
        "An engineer mistakenly deleted the production index.",
        "It looks like the database ran out of connections during the spike.",
        "A failover to the standby replica completed at {t2} UTC.",
        "Run `retry-export --all` only if support asks you to.",
    ]

    /// Worst case: most sentences have findings.
    static let dense: [String] = flagged + clean.prefix(12) + flagged

    static func generate(bytes target: Int, templates: [String]) -> String {
        var generator = Generator(state: 2041)
        var text = ""
        text.reserveCapacity(target + 4096)
        var paragraph = 0
        while text.utf8.count < target {
            paragraph += 1
            if paragraph % 7 == 0 { text += "## Update \(paragraph / 7)\n\n" }
            let sentences = generator.number(2...5)
            var line = ""
            for _ in 0..<sentences {
                var sentence = generator.pick(templates)
                let t1 = generator.number(0...22), m1 = generator.number(0...59)
                let feature = generator.pick(features)
                let values: [String: String] = [
                    "{feature}": feature, "{Feature}": feature.prefix(1).uppercased() + feature.dropFirst(),
                    "{feature2}": generator.pick(features).replacingOccurrences(of: " ", with: "-"),
                    "{region}": generator.pick(regions), "{person}": generator.pick(people),
                    "{Person}": generator.pick(people), "{person2}": generator.pick(people),
                    "{service}": generator.pick(services),
                    "{t1}": String(format: "%02d:%02d", t1, m1), "{t2}": String(format: "%02d:%02d", t1 + 1, m1),
                    "{n}": String(generator.number(5...90)), "{pct}": String(generator.number(1...40)),
                    "{big}": String(generator.number(100...9000)),
                ]
                for (key, value) in values { sentence = sentence.replacingOccurrences(of: key, with: value) }
                line += (line.isEmpty ? "" : " ") + sentence
            }
            text += (paragraph % 5 == 0 ? "- " : "") + line + "\n\n"
        }
        return text
    }

    /// A copy of the shipped phrasebook plus a file of `terms` generated jargon entries: pseudo
    /// words, and pairs of a common prose word and a pseudo word (so common words gain children).
    static func phrasebookWithGeneratedJargon(copying folder: URL, terms: Int) throws -> (URL, Int) {
        let fileManager = FileManager.default
        let target = fileManager.temporaryDirectory.appendingPathComponent("chorus-bench-phrasebook-\(UUID().uuidString)")
        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            try fileManager.copyItem(at: folder.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        var generator = Generator(state: 10_000)
        let syllables = ["zor", "vex", "quan", "dril", "mek", "tos", "plin", "gar", "thu", "bex", "nor", "fi", "lak",
                         "sud", "wim", "ox", "rel", "kap", "ju", "zin", "pov", "ret", "yam", "cul"]
        let common = ["database", "checkout", "customers", "service", "errors", "payments", "update", "search", "traffic",
                      "queue", "login", "email", "report", "the", "we", "new", "cache", "server"]
        var seen = Set<String>()
        var lines = ["# Generated for chorus-bench: \(terms) jargon terms.", "[substitution jargon]",
                     "message: \"{match}\" is generated jargon; try \"{suggestion}\""]
        while seen.count < terms {
            var word = ""
            for _ in 0..<generator.number(3...4) { word += generator.pick(syllables) }
            let term: String
            switch generator.number(0...9) {
            case 0...5: term = word
            case 6...8: term = generator.pick(common) + " " + word
            default: term = word + " " + generator.pick(common)
            }
            guard seen.insert(term).inserted else { continue }
            lines.append("\(term) => plain words \(seen.count)")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: target.appendingPathComponent("zz-generated-jargon.txt"),
                                                        atomically: true, encoding: .utf8)
        return (target, terms)
    }
}

/// Only the shipped lint over the varied megabyte, for about ten seconds: a profiler run on
/// this group (`perf record … chorus-bench lint-loop`) sees the lint and nothing else.
let lintLoopBenchmarks = BenchmarkGroup(name: "lint-loop") { root in
    let phrasebook = try Phrasebook.load(from: root.appendingPathComponent("phrasebook"))
    let corpus = LintCorpus.generate(bytes: 1_000_000, templates: LintCorpus.varied)
    let linter = Linter(phrasebook: phrasebook)
    var sink = 0
    let time = Stopwatch.nanosecondsPerCall(seconds: 10, warmup: 1) {
        sink &+= linter.lint(corpus, policy: LintPolicy.strict).count
    }
    precondition(sink > 0)
    return [Figure(name: "lint.loop.throughput", value: Double(corpus.utf8.count) / time * 1e9 / 1_000_000, unit: "MB/s",
                   inputs: ["corpus": "varied", "phrasebook": "shipped", "cores": "1"])]
}
