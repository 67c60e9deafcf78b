import ChorusLint
import ChorusTemplate
import Foundation

/// A draft that promises the next update at a time already past: an error finding in every
/// audience whose draft states that time, whatever its cadence policy, so such a draft fails
/// `render` and cannot be approved until a new time is set.
enum NextUpdateCheck {
    static let rule = "next-update-passed"

    /// The finding, on the promised time where the draft states it; none when nothing is promised,
    /// the time is still ahead, or the draft does not state it. `journaled` says whether the state
    /// is a journaled incident (the fix is `chorus update`) or a file (the fix is in the file).
    static func findings(state: IncidentState, view: TemplateValue, lintedText: String, clock: RenderClock,
                         journaled: Bool) -> [Finding] {
        guard state.status.isOpen, let next = state.nextUpdateAt, next < clock.now,
              case .object(let members) = view, case .object(let nextUpdate)? = members["nextUpdate"],
              case .string(let promised)? = nextUpdate["display"],
              let range = lintedText.range(of: promised) else { return [] }
        var start = 0, line = 1, column = 1
        for scalar in lintedText.unicodeScalars[..<range.lowerBound] {
            start += 1
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return [Finding(
            rule: rule, category: .cadence, severity: .error,
            message: "the draft promises the next update by \(promised), which passed \(clock.relative(next)); readers would be told of an update that did not come",
            match: promised, start: start, end: start + promised.unicodeScalars.count, line: line, column: column,
            suggestion: journaled
                ? "set a new next update time (chorus update \(state.id) --next-update +30m), then render again"
                : "set a later $.nextUpdateAt in the state file, then render again (--now TIME renders the draft as of an earlier time)"
        )]
    }
}
