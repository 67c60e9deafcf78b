@testable import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Every field of the state from the command line: `set`, `add`, `remove`, `get`, `edit`, and
/// `open` from flags for every kind — all derived from the field table.
@Suite("Every field from the command line")
struct FieldCommandTests {
    func state(_ h: WorkflowHarness, _ id: String = "INC-2041") throws -> IncidentState {
        try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: id).snapshot().snapshot.state)
    }

    /// A value of the field's type that the example incident accepts.
    static func sample(_ entry: FieldCatalog.Entry) -> String {
        if let choices = entry.choices { return choices.last ?? "" }
        switch entry.typedAs {
        case let t where t.hasPrefix("time (13:58"): return "-30m"
        case let t where t.hasPrefix("time"): return "+30m"
        case "date YYYY-MM-DD": return "2026-12-24"
        case "http(s) link": return "https://example.com/runbook"
        case let t where t.hasPrefix("whole number"): return "45"
        case "number": return "12.5"
        default: return "Changed from the command line"
        }
    }

    /// Every field the table lets the command line change can be set (or, for lists, added to
    /// and removed from) on a live incident; the few a live incident cannot hold are refused by
    /// validation, not by the command line.
    @Test func everyFreeFieldCanBeSetAddedOrRemoved() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let refusedWhileOpen: Set<String> = ["resolvedAt"]
        var covered = 0
        for entry in FieldCatalog.entries where entry.managed == nil && !entry.address.contains("<") {
            if entry.address.hasPrefix("window.") {
                // A window needs both ends: they are set together.
                let window = h.run(["set", "INC-2041", "window.start", "+1h", "window.end", "+2h"])
                #expect(window.status == 0, "set window: \(window.stderr)")
            } else if entry.isList {
                let list = entry.address
                let added: ChorusCommandLine.Result
                if entry.addOptions.isEmpty {
                    if list == "rootCause.whys" { _ = h.run(["set", "INC-2041", "rootCause.summary", "A cause"]) }
                    added = h.run(["add", "INC-2041", list, "An item"])
                } else {
                    added = h.run(["add", "INC-2041", list] + Self.addArguments(list))
                }
                #expect(added.status == 0, "add \(list): \(added.stderr)")
                let name = added.stdout.split(separator: "\n").last { $0.contains("added ") }.map { String($0.split(separator: " ").last ?? "") } ?? ""
                let removed = h.run(["remove", "INC-2041", name])
                #expect(removed.status == 0, "remove \(name): \(removed.stderr)")
            } else {
                let result = h.run(["set", "INC-2041", entry.address, Self.sample(entry)])
                if refusedWhileOpen.contains(entry.address) {
                    #expect(result.status == 1, "\(entry.address) is refused by validation while open")
                } else {
                    #expect(result.status == 0, "set \(entry.address) \(Self.sample(entry)): \(result.stderr)")
                }
            }
            covered += 1
        }
        #expect(covered > 30, "the table has every field")
    }

    static func addArguments(_ list: String) -> [String] {
        switch list {
        case "roles.responders": return ["--name", "Lena", "--doing", "Reading logs"]
        case "quantifiedImpact": return ["--metric", "failed checkouts", "--value", "412", "--as-of", "-5m"]
        case "components": return ["--internal-name", "ledger", "--public-name", "Ledger", "--status", "degraded_performance"]
        case "facts": return ["--text", "Support sees fewer reports", "--source", "support"]
        case "hypotheses": return ["--text", "The cache is cold"]
        case "steps": return ["--text", "Restart the workers", "--owner", "Marco"]
        case "followUps": return ["--text", "Add an alert", "--owner", "Aiko", "--due", "2026-12-01"]
        case "corrections": return ["--said", "All cards fail", "--correct", "Some cards fail"]
        case "links": return ["--title", "Runbook", "--url", "https://example.com/runbook"]
        default: return []
        }
    }

    @Test func setAddRemoveAndGetSpeakTheFieldNames() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let set = h.run(["set", "INC-2041", "impact.summary", "Card payments fail at checkout.", "roles.escalation", "#payments-oncall"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("changed: $.impact.summary, $.roles.escalation"))
        #expect(h.run(["remove", "INC-2041", "asks.1"]).status == 0)
        #expect(h.run(["add", "INC-2041", "asks", "Approve a credit for affected accounts"]).stdout.contains("added asks.1"))
        #expect(h.run(["add", "INC-2041", "asks", "Decide whether to pause the promotion"]).stdout.contains("added asks.2"))
        #expect(h.read(["get", "INC-2041", "asks"]).stdout == "1. Approve a credit for affected accounts\n2. Decide whether to pause the promotion\n")
        #expect(h.run(["remove", "INC-2041", "asks.1"]).status == 0)
        #expect(h.read(["get", "INC-2041", "asks"]).stdout == "1. Decide whether to pause the promotion\n")
        let fact = h.run(["add", "INC-2041", "facts", "--text", "Errors rose at 08:52", "--source", "monitoring", "--at", "08:52"])
        #expect(fact.stdout.contains("added facts.F3"))
        #expect(fact.stdout.contains("  --at 08:52 = 08:52 UTC, 28 minutes ago (2026-11-24T08:52:00Z)"), "\(fact.stdout)")
        #expect(h.run(["set", "INC-2041", "facts.F3.text", "Errors rose at 08:52 UTC"]).status == 0)
        #expect(h.read(["get", "INC-2041", "facts.F3.text"]).stdout == "Errors rose at 08:52 UTC\n")
        #expect(h.run(["set", "INC-2041", "components.payments-callback.status", "operational"]).status == 0)
        #expect(try state(h).components.first?.status == .operational)
        #expect(h.run(["remove", "INC-2041", "workaround", "roles.escalation"]).status == 0)
        #expect(try state(h).roles.escalation == nil)
        #expect(h.read(["get", "INC-2041", "title", "--format", "json"]).stdout == "\"Card payments failing at checkout\"\n")
    }

    @Test func mistakesSayWhatWasMeant() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let typo = h.run(["set", "INC-2041", "impact.sumary", "x"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("Error: unknown field 'impact.sumary'. Did you mean 'impact.summary'?"))
        let managed = h.run(["set", "INC-2041", "lastUpdatedAt", "now"])
        #expect(managed.status == 1)
        #expect(managed.stderr.contains("every change sets it to the time of the write"))
        let notNumber = h.run(["add", "INC-2041", "quantifiedImpact", "--metric", "x", "--value", "lots"])
        #expect(notNumber.status == 64)
        #expect(notNumber.stderr.contains("--value: 'lots' is not a number"))
        let noItem = h.run(["remove", "INC-2041", "links.7"])
        #expect(noItem.status == 2)
        #expect(noItem.stderr.contains("links has 2 items; there is no item 7 (they count from 1)"))
        let wrongField = h.run(["add", "INC-2041", "links", "--title", "x", "--owner", "y"])
        #expect(wrongField.status == 64)
        #expect(wrongField.stderr.contains("a link has no field 'owner'"))
        let required = h.run(["remove", "INC-2041", "impact.summary"])
        #expect(required.status == 1)
        #expect(required.stderr.contains("impact.summary is required"))
        let invalid = h.run(["set", "INC-2041", "startedAt", "+10m"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("at $.startedAt: started (2026-11-24T09:30:00Z) is after the last update"))
        let pairs = h.run(["set", "INC-2041", "title"])
        #expect(pairs.status == 64)
    }

    /// "A wrong start time fixed": at 09:20, --started 08:40 means 08:40 today.
    @Test func aWrongStartTimeIsFixedWithATimeAsTyped() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let fixed = h.run(["update", "INC-2041", "--started", "08:40"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("  --started 08:40 = 08:40 UTC, 40 minutes ago (2026-11-24T08:40:00Z)"))
        #expect(ISO8601.format(try state(h).startedAt) == "2026-11-24T08:40:00Z")
    }

    @Test func helpListsEveryField() {
        let help = chorus("help", "set").stdout
        for entry in FieldCatalog.entries {
            #expect(help.contains("  " + entry.address + " "), "chorus help set lists \(entry.address)")
        }
        let update = chorus("help", "update").stdout
        for flag in ["--next-update", "--window-start", "--escalation", "--business-impact", "--detected", "--root-cause"] {
            #expect(update.contains(flag))
        }
    }

    @Test func maintenanceAndRetrospectivesOpenFromFlags() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T16:00:00Z"
        let maintenance = h.run(["open", "MNT-1", "--kind", "maintenance", "--title", "Reporting upgrade",
                                 "--impact", "Reports are paused during the window.", "--affected", "Everyone who runs reports",
                                 "--lead", "Noor Haddad", "--window-start", "02:00", "--window-end", "04:00"])
        #expect(maintenance.status == 0, "\(maintenance.stderr)")
        #expect(maintenance.stdout.contains("--window-start 02:00 = Wed 25 Nov 02:00 UTC, in 10 hours (2026-11-25T02:00:00Z)"))
        let opened = try state(h, "MNT-1")
        #expect(opened.status == .scheduled && opened.severity == .sev4)
        #expect(opened.startedAt == opened.window?.start && opened.nextUpdateAt == opened.window?.start)
        h.now = "2026-11-25T02:01:00Z"
        #expect(h.run(["update", "MNT-1", "--status", "in_progress", "--next-update", "03:00"]).status == 0)
        h.now = "2026-11-25T03:50:00Z"
        let completed = h.run(["update", "MNT-1", "--status", "completed"])
        #expect(completed.status == 0, "\(completed.stderr)")
        let done = try state(h, "MNT-1")
        #expect(done.status == .completed && done.nextUpdateAt == nil && done.resolvedAt != nil)

        let retro = h.run(["open", "INC-2027", "--kind", "retrospective", "--title", "Email delays", "--severity", "sev3",
                           "--impact", "Emails arrived up to an hour late.", "--affected", "Everyone", "--lead", "Lena",
                           "--started", "2026-11-12 19:20", "--resolved", "2026-11-12 21:10", "--fix", "The queue was drained.",
                           "--past-impact", "Emails arrived up to an hour late."])
        #expect(retro.status == 0, "\(retro.stderr)")
        #expect(try state(h, "INC-2027").status == .resolved)
        let missing = h.run(["open", "MNT-2", "--kind", "maintenance", "--title", "x"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing --impact, --affected, --lead, --window-start, --window-end to open a maintenance from flags"))
    }

    /// `chorus edit`: the state in $EDITOR, validated on save; an invalid edit names FILE:LINE:COL
    /// and writes nothing.
    @Test func editValidatesOnSaveAndWritesNothingWhenInvalid() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        func edit(_ editor: String) -> ChorusCommandLine.Result {
            chorus(["edit", "INC-2041", "--store", h.store, "--now", h.now, "--as", "dana"],
                   environment: ["CHORUS_REPLAY": "1", "EDITOR": editor, "TMPDIR": h.store])
        }
        let good = edit("sed -i 's/Card payments failing at checkout/Card payments fail at checkout/'")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("changed: $.title"))
        #expect(try state(h).title == "Card payments fail at checkout")
        let none = edit("true")
        #expect(none.stdout.contains("no changes; nothing was written"))
        // The file reads like the examples: one member per line, in the table's order.
        let lines = h.read(["get", "INC-2041"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ key: String) -> Int { (lines.firstIndex { $0.hasPrefix("  \"\(key)\": ") } ?? -1) + 1 }
        let bad = edit("sed -i 's/\"sev1\"/\"sev9\"/'")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("nothing was written; your edit is kept at"))
        #expect(bad.stderr.contains(".json:\(line("severity")):15: error: at $.severity: \"sev9\" is not allowed here"), "\(bad.stderr)")
        #expect(try state(h).severity == .sev1)
        let rules = edit("sed -i 's/\"nextUpdateAt\": \"2026-11-24T09:40:00Z\"/\"nextUpdateAt\": \"2026-11-24T09:00:00Z\"/'")
        #expect(rules.status == 1)
        #expect(rules.stderr.contains(".json:\(line("nextUpdateAt")):19: error: at $.nextUpdateAt: the next update"), "\(rules.stderr)")
        let failed = edit("false")
        #expect(failed.status == 2)
        let noEditor = chorus(["edit", "INC-2041", "--store", h.store, "--as", "dana"])
        #expect(noEditor.status == 64)
    }
}
