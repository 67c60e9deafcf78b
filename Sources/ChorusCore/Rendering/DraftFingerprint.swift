import ChorusSupport
import Foundation

/// A short fingerprint of a draft's words, so an approver approves what they read.
///
/// It is the hash of the draft's plain text rendered the canonical way — at the time the state
/// was last updated, in UTC, not yet approved — so it depends only on what the draft says (the
/// state, the template, the approved wording it quotes), not on when, in which zone or format it
/// was shown. `chorus render` prints it; `chorus approve --fingerprint` refuses a draft whose
/// fingerprint differs from the one the approver read.
public enum DraftFingerprint {
    /// Hex digits kept: 12 (48 bits) tell drafts apart and are short enough to type.
    public static let length = 12

    /// The fingerprint of `text`.
    public static func of(_ text: String) -> String {
        String(SHA256.hex(text).prefix(length))
    }

    /// The canonical rendering of `audience`'s draft of `state`: its plain text. `timeZone`
    /// other than UTC gives the same text with its times in that zone, to show a person (a
    /// fingerprint is always taken of the UTC text).
    public static func canonicalText(_ state: IncidentState, audience: String, renderer: DraftRenderer,
                                     revision: Int?, revisionAt: Date?, customerApproval: JournalEntry?,
                                     supportApproval: JournalEntry? = nil, history: IncidentHistory? = nil,
                                     timeZone: TimeZone? = nil) throws -> String {
        let clock = timeZone.map { RenderClock(now: state.lastUpdatedAt, timeZone: $0) } ?? RenderClock(now: state.lastUpdatedAt)
        let context = revision.map {
            DraftContext(revision: $0, revisionAt: revisionAt ?? state.lastUpdatedAt, customerApproval: customerApproval,
                         supportApproval: supportApproval, history: history)
        }
        return try renderer.render(state, audience: audience, format: .text, clock: clock, context: context).output
    }

    /// The fingerprint of `audience`'s draft of a journal snapshot's current revision (with the
    /// journal's history, which the review's timeline tells, when it was read).
    public static func of(_ snapshot: JournalSnapshot, audience: String, renderer: DraftRenderer,
                          history: IncidentHistory? = nil) throws -> (fingerprint: String, text: String) {
        let text = try text(of: snapshot, audience: audience, renderer: renderer, history: history)
        return (of(text), text)
    }

    /// The canonical text of a snapshot's draft (its times in `timeZone` when given).
    public static func text(of snapshot: JournalSnapshot, audience: String, renderer: DraftRenderer,
                            history: IncidentHistory? = nil, timeZone: TimeZone? = nil) throws -> String {
        guard let state = snapshot.state else { throw RenderError("incident \(snapshot.incidentID) has no revision yet") }
        return try canonicalText(state, audience: audience, renderer: renderer, revision: snapshot.revision,
                                 revisionAt: snapshot.revisionAt, customerApproval: snapshot.approvals["customer"],
                                 supportApproval: snapshot.approvals["support"], history: history, timeZone: timeZone)
    }
}

/// The lines that differ between two texts, for showing an approver what changed.
public enum LineDiff {
    /// `- old` / `+ new` lines (unchanged lines left out), in order, a removed line before the line
    /// that replaced it; empty when equal.
    public static func lines(from old: String, to new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence by dynamic programming: drafts are a few dozen lines.
        guard a.count * b.count <= 4_000_000 else { return a.map { "- " + $0 } + b.map { "+ " + $0 } }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                out.append("- " + a[i]); i += 1
            } else {
                out.append("+ " + b[j]); j += 1
            }
        }
        return out
    }
}
