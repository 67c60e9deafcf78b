import ChorusCore
import ChorusSupport
import Foundation

/// What every journal command shares: the store, the author, the clock and the zone.
struct Workflow {
    let store: JournalStore
    let now: Date
    let timeZone: TimeZone

    static let storeOption = OptionSpec.value("store", "dir", help: "The store folder (default: CHORUS_STORE, else the workspace's store, else ./.chorus).")
    static let authorOption = OptionSpec.value("as", "name", help: "Who is writing (or CHORUS_AUTHOR); every write needs one.")
    static let expectOption = OptionSpec.value("expect-revision", "n", help: "Write only if the incident is still at revision N.")
    static let nowOption = OptionSpec.value("now", "time", help: "The current time, ISO 8601 (default: CHORUS_NOW, else the clock); makes output repeatable.")
    static let tzOption = OptionSpec.value("tz", "zone", help: "Time zone for times typed and shown, e.g. Europe/Berlin (default: the workspace's timeZone, else UTC).")

    /// Options of commands that only read.
    static let readOptions = [storeOption, nowOption, tzOption]
    /// Options of commands that write a revision.
    static let writeOptions = [storeOption, authorOption, expectOption, nowOption, tzOption]

    init(_ context: CommandContext) throws {
        let folder: String
        let workspace = try context.workspace()
        if let option = context.arguments.value("store") {
            folder = context.resolve(option)
        } else if let variable = context.environment["CHORUS_STORE"], !variable.isEmpty {
            folder = context.resolve(variable)
        } else if let workspace {
            folder = workspace.store.path
        } else {
            folder = context.resolve(Workspace.defaultStore)
        }
        store = JournalStore(root: URL(fileURLWithPath: folder))
        let zoneName = context.arguments.value("tz") ?? workspace?.config.timeZone?.value ?? "UTC"
        guard let zone = TimeZone(identifier: zoneName) else {
            var message = "unknown time zone '\(zoneName)'; use an IANA name such as UTC or Europe/Berlin"
            if let near = NameSuggestion.closest(to: zoneName, among: TimeZone.knownTimeZoneIdentifiers) { message += ". Did you mean '\(near)'?" }
            throw UsageError(message)
        }
        timeZone = zone
        if let text = context.arguments.value("now") {
            do { now = try ISO8601.parse(text) } catch { throw UsageError("--now: \(error)") }
        } else if let text = context.environment["CHORUS_NOW"], !text.isEmpty {
            do { now = try ISO8601.parse(text) } catch { throw UsageError("CHORUS_NOW: \(error)") }
        } else {
            now = context.now()
        }
    }

    func author(_ context: CommandContext) throws -> String {
        if let name = context.arguments.value("as"), !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        if let name = context.environment["CHORUS_AUTHOR"], !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        throw CommandFailure(JournalError.missingAuthor.description)
    }

    /// The clock a write takes its time from: the real clock, read once the writers' lock is
    /// held. `--now` and `CHORUS_NOW` set the clock for reading and rendering only; with
    /// `CHORUS_REPLAY=1` (tests, demos, replaying a recorded timeline) a write is dated by them
    /// instead, and its entry is marked as replayed.
    func writeClock(_ context: CommandContext) throws -> JournalClock {
        let given = context.arguments.value("now") != nil || !(context.environment["CHORUS_NOW"] ?? "").isEmpty
        if Self.replaying(context) {
            guard given else { throw UsageError("CHORUS_REPLAY is set but there is no time to replay: give --now TIME or CHORUS_NOW") }
            return .replay(now)
        }
        guard !given else {
            throw UsageError("--now and CHORUS_NOW set the clock for reading and rendering; a write always takes the real clock, so the journal can be neither backdated nor dated ahead. To replay a recorded timeline (tests, demos), set CHORUS_REPLAY=1: such entries are marked as replayed")
        }
        return .system(context.now)
    }

    /// Whether `CHORUS_REPLAY` asks writes to take their time from `--now` / `CHORUS_NOW`.
    static func replaying(_ context: CommandContext) -> Bool {
        let value = context.environment["CHORUS_REPLAY"] ?? ""
        return !value.isEmpty && value != "0"
    }

    func expectedRevision(_ context: CommandContext) throws -> Int? {
        guard let text = context.arguments.value("expect-revision") else { return nil }
        guard let number = Int(text), number >= 0 else { throw UsageError("--expect-revision takes a revision number, not '\(text)'") }
        return number
    }

    func time(_ text: String, option: String) throws -> Date {
        do { return try TimeInput.parse(text, now: now, timeZone: timeZone) } catch { throw UsageError("\(option): \(error)") }
    }

    var clock: RenderClock { RenderClock(now: now, timeZone: timeZone) }

    /// Reads the current snapshot of an existing incident, reporting a torn tail on stderr.
    func snapshot(_ id: String, _ context: inout CommandContext) throws -> JournalSnapshot {
        let journal = try journalOrFail(id)
        let (snapshot, torn) = try run { try journal.snapshot() }
        report(torn, &context)
        return snapshot
    }

    /// Every incident's snapshot; an incident whose journal cannot be read is reported on
    /// standard error and skipped, so one damaged journal does not hide the others.
    func allSnapshots(_ context: inout CommandContext) throws -> (snapshots: [JournalSnapshot], failed: Bool) {
        var snapshots: [JournalSnapshot] = []
        var failed = false
        for id in store.incidentIDs() {
            do { snapshots.append(try snapshot(id, &context)) } catch let error as CommandFailure {
                context.printError("\(id): error: \(error.message)")
                failed = true
            }
        }
        return (snapshots, failed)
    }

    /// The value of a required option that names one of `E`'s cases.
    static func requiredChoice<E: RawRepresentable & CaseIterable>(_ option: String, _ valueName: String, as _: E.Type,
                                                                  in context: CommandContext) throws -> E where E.RawValue == String {
        guard let value = context.arguments.value(option).flatMap(E.init(rawValue:)) else {
            throw UsageError("Missing '--\(option) <\(valueName)>': one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func journalOrFail(_ id: String) throws -> IncidentJournal {
        do { return try store.existingJournal(for: id) } catch let error as JournalError { throw CommandFailure(error.description) }
    }

    /// Runs a journal operation, turning journal errors into command failures.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as JournalError { throw CommandFailure(error.description) }
    }

    func report(_ torn: TornTail?, _ context: inout CommandContext) {
        guard let torn else { return }
        if let file = torn.recoveryFile {
            context.printError("warning: the journal ended in a torn line (\(torn.byteCount) bytes at byte \(torn.offset), from an interrupted write); it was set aside in \(file) and every complete entry is intact")
        } else {
            context.printError("warning: the journal ends in a torn line (\(torn.byteCount) bytes at byte \(torn.offset), from an interrupted write); it was left in place (\(torn.problem ?? "it could not be set aside")) and is ignored; every complete entry is intact, and the next write sets it aside")
        }
    }

    /// Applies `edit` to the current state and appends the result as a new revision, after
    /// validating it. Prints what changed.
    @discardableResult
    func revise(_ id: String, _ context: inout CommandContext, summary: String,
                _ edit: @escaping (IncidentState) throws -> IncidentState) throws -> JournalSnapshot {
        let author = try author(context)
        let expected = try expectedRevision(context)
        let clock = try writeClock(context)
        let journal = try journalOrFail(id)
        var changed: [String] = []
        let result = try run {
            try journal.append(author: author, clock: clock, expectRevision: expected) { snapshot, now in
                let current = try snapshot.requireState()
                var next = try edit(current)
                next.lastUpdatedAt = max(now, current.lastUpdatedAt)
                if next.status == .monitoring && (current.status != .monitoring || next.monitoringSince == nil) {
                    next.monitoringSince = now
                } else if next.status != .monitoring && next.status != .resolved {
                    next.monitoringSince = nil // monitoring must hold unbroken: leaving it starts the clock again
                }
                next = try IncidentEdits.validated(next)
                changed = StateDiff.meaningfulChanges(from: current, to: next)
                guard !changed.isEmpty else { throw JournalError.rejected("nothing to change: the state already says this") }
                var entry = JournalEntry(seq: 0, at: now, author: author, kind: .revision)
                entry.state = next
                entry.changed = changed
                entry.summary = summary
                return [entry]
            }
        }
        report(result.torn, &context)
        context.print("\(id): revision \(result.snapshot.revision) by \(author): \(summary)")
        context.print("  changed: \(changed.joined(separator: ", "))")
        return result.snapshot
    }
}
