import ChorusCore
import ChorusSupport
import Foundation

/// What every journal command shares: the store, the author, the clock and the zone.
struct Workflow {
    let store: JournalStore
    let now: Date
    let timeZone: TimeZone
    /// The times this invocation read from the command line, echoed back in absolute form.
    let typedTimes = TypedTimes()

    static let storeOption = OptionSpec.value("store", "dir", help: "The store folder (default: CHORUS_STORE, else the workspace's store, else ./.chorus).")
    static let authorOption = OptionSpec.value("as", "name", help: "Who is writing (or CHORUS_AUTHOR); every write needs one.")
    static let expectOption = OptionSpec.value("expect-revision", "n", help: "Write only if the incident is still at revision N.")
    static let nowOption = OptionSpec.value("now", "time", help: "The current time: a full date, now, or +2h/-30m from the clock (default: CHORUS_NOW, else the clock); makes output repeatable.")
    static let tzOption = OptionSpec.value("tz", "zone", help: "Time zone for times typed and shown, e.g. Europe/Berlin (default: the workspace's timeZone, else UTC).")

    /// Options of commands that only read.
    static let readOptions = [storeOption, nowOption, tzOption]
    /// Options of commands that write a revision.
    static let writeOptions = [storeOption, authorOption, expectOption, nowOption, tzOption]

    /// How the store folder was chosen, said in messages about it (`--store`, `CHORUS_STORE`, …).
    let storeOrigin: String

    init(_ context: CommandContext) throws {
        let folder: String
        let workspace = try context.workspace()
        if let option = context.arguments.value("store") {
            // An empty value would silently mean the current folder.
            guard !option.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError("--store needs a folder, not an empty value")
            }
            folder = context.resolve(option)
            storeOrigin = "given by --store"
        } else if let variable = context.environment["CHORUS_STORE"], !variable.isEmpty {
            folder = context.resolve(variable)
            storeOrigin = "given by CHORUS_STORE"
        } else if let workspace {
            folder = workspace.store.path
            storeOrigin = "the store of the workspace \(workspace.root.path)"
        } else {
            folder = context.resolve(Workspace.defaultStore)
            storeOrigin = "the default: no --store, no CHORUS_STORE and no workspace"
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure("the store \(folder) is a file, not a folder; pass --store DIR (or set CHORUS_STORE) to a folder, which is created when missing")
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
            now = try Self.now(text, origin: "--now", timeZone: zone, clock: context.now())
        } else if let text = context.environment["CHORUS_NOW"], !text.isEmpty {
            now = try Self.now(text, origin: "CHORUS_NOW", timeZone: zone, clock: context.now())
        } else {
            now = context.now()
        }
    }

    /// The time `--now` / `CHORUS_NOW` sets: ISO 8601 as given (with its fraction), a full
    /// date in the zone, `now`, or an offset from the clock (`+2h`, `-30m`). A clock time alone
    /// is refused: whether 13:58 is today's or yesterday's has no answer here.
    static func now(_ text: String, origin: String, timeZone: TimeZone, clock: Date) throws -> Date {
        if let exact = try? ISO8601.parse(text) { return exact }
        let expected = "expected a full date such as 2026-11-24T13:58:00Z or \"2026-11-24 13:58\" (in --tz), now, or an offset from the clock such as +2h or -30m"
        guard let value = try? TimeInput.parse(text, now: clock, timeZone: timeZone, direction: .past) else {
            throw UsageError("\(origin): \"\(text)\" is not a time: \(expected)")
        }
        guard !value.isClockTime else {
            throw UsageError("\(origin): \"\(text)\" is a clock time without its day: \(expected)")
        }
        return value.date
    }

    func author(_ context: CommandContext) throws -> String {
        for (origin, value) in [("--as", context.arguments.value("as")), ("CHORUS_AUTHOR", context.environment["CHORUS_AUTHOR"])] {
            guard let value else { continue }
            let name = value.trimmingCharacters(in: .whitespaces)
            // A blank --as is a mistake, not a wish to write as CHORUS_AUTHOR; a blank
            // CHORUS_AUTHOR counts as unset.
            if name.isEmpty && origin == "--as" { throw UsageError("--as needs a name: say who is writing") }
            guard !name.isEmpty else { continue }
            // A name that could forge a log line (a newline) or hide itself (U+202E, U+2060).
            if let problem = AuthorName.problem(name) { throw UsageError("\(origin): \(problem)") }
            return name
        }
        throw UsageError(JournalError.missingAuthor.description)
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

    /// A typed time (`13:58`, `-10m`, `+15m`, `now`, a full date): for `.past` the most recent
    /// such clock time, for `.future` the next one. Remembered so the write can echo it back.
    func time(_ text: String, option: String, _ direction: TimeInput.Direction) throws -> Date {
        let value: TimeInput.Value
        do {
            value = try TimeInput.parse(text, now: now, timeZone: timeZone, direction: direction)
            if direction == .past { try TimeInput.checkRecentPast(value, typed: text, now: now, clock: clock) }
        } catch {
            throw UsageError("\(option): \(error)")
        }
        typedTimes.add(option: option, text: text, date: value.date, isPastClockTime: direction == .past && value.isClockTime)
        return value.date
    }

    /// A next update time: ahead, and within 12 hours unless its full date is given.
    func nextUpdate(_ text: String, option: String = "--next-update") throws -> Date {
        let value: TimeInput.Value
        do {
            value = try TimeInput.parse(text, now: now, timeZone: timeZone, direction: .future)
            try TimeInput.checkNextUpdate(value, typed: text, now: now, clock: clock)
        } catch {
            throw UsageError("\(option): \(error)")
        }
        typedTimes.add(option: option, text: text, date: value.date)
        return value.date
    }

    /// An editor of `state` whose typed times are echoed after the write.
    func editor(_ state: IncidentState) throws -> StateEditor {
        try StateEditor(state, clock: clock)
    }

    /// Remembers the times `editor` read, for the echo.
    func collectTimes(of editor: StateEditor) {
        for typed in editor.typedTimes {
            typedTimes.add(option: typed.field, text: typed.typed, date: typed.date)
        }
    }

    /// One line per typed time: what it was taken to mean, absolute, in the zone, and relative.
    func echoTypedTimes(_ context: inout CommandContext) {
        for typed in typedTimes.entries {
            let iso = ISO8601.format(typed.date, offsetSeconds: timeZone.secondsFromGMT(for: typed.date))
            context.print("  \(typed.option) \(typed.text) = \(clock.absolute(typed.date)), \(clock.relative(typed.date)) (\(iso))")
        }
    }

    var clock: RenderClock { RenderClock(now: now, timeZone: timeZone) }

    /// An exact time for a record (log, pull) in ISO 8601 at the zone's offset, so it reads
    /// beside drafts shown in the same zone: `2026-12-01T05:32:42.208+01:00` (UTC: `…Z`).
    func stamp(_ date: Date) -> String {
        ISO8601.format(date, offsetSeconds: timeZone.secondsFromGMT(for: date))
    }

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
        try requireStore()
        var snapshots: [JournalSnapshot] = []
        var failed = false
        for id in store.incidentIDs() {
            do { snapshots.append(try snapshot(id, &context)) } catch {
                context.printError("\(id): error: \(ErrorReport(error).message)")
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

    /// What happened to incident `id` up to `snapshot` (entries written since it was read are
    /// left out, so the history and the snapshot tell the same moment).
    func history(_ id: String, through snapshot: JournalSnapshot) throws -> IncidentHistory {
        let journal = try journalOrFail(id)
        let entries = try run { try journal.entries() }
        return IncidentHistory(journal: entries.prefix { $0.seq <= snapshot.seq })
    }

    func journalOrFail(_ id: String) throws -> IncidentJournal {
        try requireStore()
        return try store.existingJournal(for: id)
    }

    /// Stops a command that reads the store when the store folder is not there: a mistyped
    /// `--store` or `CHORUS_STORE`, or a command run outside the workspace, must not look like
    /// a store with no incidents ("No open incidents" during an incident). Only `open` creates
    /// the store.
    func requireStore() throws {
        let path = store.root.path
        guard !FileManager.default.fileExists(atPath: path) else { return }
        throw CommandFailure("there is no store at \(path) (\(storeOrigin)): check the path, run in the workspace, "
            + "or pass --store DIR (or set CHORUS_STORE) to the store folder; only chorus open creates a new store")
    }

    /// Runs a journal operation. Its errors (`JournalError`, `StateEditError`) reach the command
    /// line as they are, which sorts them into exit statuses (`ErrorReport`).
    func run<T>(_ body: () throws -> T) throws -> T {
        try body()
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
    func revise(_ id: String, _ context: inout CommandContext, summary: String, expectRevision: Int? = nil,
                _ edit: @escaping (IncidentState) throws -> IncidentState) throws -> JournalSnapshot {
        let author = try author(context)
        let expected = try expectRevision ?? expectedRevision(context)
        let clock = try writeClock(context)
        let journal = try journalOrFail(id)
        var changed: [String] = []
        let result = try run {
            try journal.append(author: author, clock: clock, expectRevision: expected) { snapshot, now in
                let current = try snapshot.requireState()
                var next = try edit(current)
                try checkTypedTimesAfterStart(of: next)
                IncidentLifecycle.settle(&next, after: current, at: now)
                next = try IncidentEdits.validated(next, timeZone: timeZone)
                changed = StateDiff.meaningfulChanges(from: current, to: next)
                guard !changed.isEmpty else { return [] }
                var entry = JournalEntry(seq: 0, at: now, author: author, kind: .revision)
                entry.state = next
                entry.changed = changed
                entry.summary = summary
                return [entry]
            }
        }
        report(result.torn, &context)
        guard !result.appended.isEmpty else {
            context.print("\(id): nothing to change: the state already says this; nothing was written (still revision \(result.snapshot.revision))")
            return result.snapshot
        }
        context.print("\(id): revision \(result.snapshot.revision) by \(author): \(TerminalText.escape(summary))")
        context.print("  changed: \(changed.joined(separator: ", "))")
        echoTypedTimes(&context)
        return result.snapshot
    }
}

extension Workflow {
    /// A clock time typed for something that happened during the incident (`fact --at 06:00`)
    /// is the most recent such time; one that lands before the incident started was almost
    /// certainly meant for another day or time, so it needs its full date.
    func checkTypedTimesAfterStart(of state: IncidentState) throws {
        guard state.startedAt <= now else { return } // a maintenance announced ahead of its window
        for typed in typedTimes.entries where typed.isPastClockTime && typed.date < state.startedAt {
            throw UsageError("\(typed.option): \"\(typed.text)\" is \(clock.absolute(typed.date)), \(clock.relative(typed.date)), before \(state.id) started "
                + "(\(clock.absolute(state.startedAt))); a clock time before the start is refused unless you give its full date, such as "
                + TimeInput.fullDate(typed.date, clock: clock))
        }
    }
}

/// The times one invocation read from its command line (a reference, so the non-mutating
/// `Workflow` can collect them while parsing).
final class TypedTimes {
    private(set) var entries: [(option: String, text: String, date: Date, isPastClockTime: Bool)] = []

    func add(option: String, text: String, date: Date, isPastClockTime: Bool = false) { entries.append((option, text, date, isPastClockTime)) }
}
