import ChorusSupport
import Foundation

/// Where a journal write takes its time from.
///
/// A write is dated when it holds the writers' lock, never when its command started: several
/// people write at once during an incident, and a writer that waited for the lock must not be
/// refused for being "earlier" than the entry written while it waited.
public enum JournalClock: Sendable {
    /// The system clock, read under the writers' lock. If it reads slightly earlier than the
    /// journal's last entry (another machine's clock, a clock step), the entry takes the last
    /// entry's time instead of being refused; more than `allowedSkew` earlier is refused.
    case system(@Sendable () -> Date)
    /// A fixed time, for tests and for replaying a recorded timeline (`CHORUS_REPLAY=1` with
    /// `--now`). Entries written this way are marked `"clock": "replay"`; they are never dated
    /// before the journal's last entry, nor ahead of the real clock by more than `allowedSkew`.
    case replay(Date)

    /// The system clock of this process.
    public static var systemClock: JournalClock { .system { Date() } }

    /// How far clocks may disagree: five minutes, as Kerberos allows.
    public static let allowedSkew: TimeInterval = 300

    /// The value of `JournalEntry.clock` for entries written with this clock.
    var marker: String? {
        switch self {
        case .system: return nil
        case .replay: return JournalEntry.replayClock
        }
    }

    /// The time of a write that follows an entry dated `last`, read now (under the lock).
    /// `realNow` is the machine's clock, for refusing replayed times in the future.
    func timeOfWrite(after last: Date?, realNow: Date = Date()) throws(JournalError) -> Date {
        switch self {
        case .system(let read):
            let now = read()
            guard let last, now < last else { return now }
            guard last.timeIntervalSince(now) <= Self.allowedSkew else {
                throw .rejected("the journal's last entry is dated \(ISO8601.format(last)), ahead of this machine's clock (\(ISO8601.format(now))) by more than \(Int(Self.allowedSkew / 60)) minutes; check this machine's clock, and run chorus verify to check the journal")
            }
            return last
        case .replay(let date):
            if let last, date < last {
                throw .rejected("the replayed time of this write (\(ISO8601.format(date))) is before the journal's last entry (\(ISO8601.format(last))); the journal is never backdated. Check --now or CHORUS_NOW")
            }
            if date.timeIntervalSince(realNow) > Self.allowedSkew {
                throw .rejected("the replayed time of this write (\(ISO8601.format(date))) is in the future (the clock says \(ISO8601.format(realNow))); entries are never dated ahead. Check --now or CHORUS_NOW")
            }
            return date
        }
    }
}
