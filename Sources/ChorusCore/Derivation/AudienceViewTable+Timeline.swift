import ChorusTemplate
import Foundation

extension AudienceViewTable {
    /// The review's timeline, in time order: the start and detection, facts, steps with their
    /// outcomes, corrections, and — from the journal's history when it was read — status changes,
    /// hypotheses settled, what was published to whom, and notes. Without the history (a state
    /// file) the status changes the state itself records stand in: the fix in place, reopening,
    /// resolution.
    static func timeline(_ w: inout ViewWords) -> [TemplateValue] {
        let state = w.state
        let c = PlainText.clean
        let history = w.shows(.times) ? w.context?.history : nil
        var entries: [(Date, String)] = []
        if w.shows(.times) {
            entries.append((state.startedAt, "The problem started."))
            if let detected = state.detectedAt { entries.append((detected, "We detected the problem.")) }
        }
        if w.shows(.facts) { entries += state.facts.map { ($0.at, c($0.text)) } }
        if w.shows(.triedSteps) {
            for step in state.steps where step.state == .done || step.state == .failed {
                guard let at = step.at ?? history?.stepFinished(IncidentHistory.stepKey(step)) else { continue }
                entries.append((at, stepOutcome(step)))
            }
        }
        if w.shows(.corrections) {
            entries += state.corrections.map { correction in
                let said = QuotedWords.quotable(c(correction.said))
                return (correction.at, "Correction: we had said \u{201C}\(said)\u{201D} What is true: \(QuotedWords.sentence(c(correction.correct)))")
            }
        }
        if let history {
            entries += historyEntries(history, showsHypotheses: w.shows(.settledHypotheses))
        } else if w.shows(.times) {
            if let reopened = state.reopened {
                entries.append((reopened.resolvedAt, "Reported resolved."))
                if let returned = reopened.impactReturnedAt { entries.append((returned, impactReturnedLine)) }
                entries.append((reopened.at, "Reopened: \(c(reopened.reason))"))
            }
            if fixInPlace(state.status), let since = state.monitoringSince {
                entries.append((since, "Fix in place: customers were no longer affected, and we watched that it held."))
            }
            if let resolved = state.resolvedAt { entries.append((resolved, "Resolved.")) }
        }
        // In time order; at the same minute in the order added, except that the fix that did not
        // hold comes after the reopening that found it out.
        func rank(_ entry: (Date, String)) -> Int { entry.1.hasPrefix(IncidentLifecycle.failedFixPrefix) ? 1 : 0 }
        var out: [TemplateValue] = []
        for entry in entries.enumerated().sorted(by: { a, b in
            if a.element.0 != b.element.0 { return a.element.0 < b.element.0 }
            if rank(a.element) != rank(b.element) { return rank(a.element) < rank(b.element) }
            return a.offset < b.offset
        }) {
            out.append(W.object(["at": w.time(entry.element.0), "text": .string(entry.element.1)]))
        }
        return out
    }

    /// A finished step and how it went. A fix that did not hold (recorded by `reopen`) already
    /// says so.
    static func stepOutcome(_ step: Step) -> String {
        let c = PlainText.clean
        let text = c(step.text) + " (" + c(step.owner) + ")"
        if step.text.hasPrefix(IncidentLifecycle.failedFixPrefix) { return text }
        return (step.state == .failed ? "Tried, did not help: " : "Done: ") + text
    }

    /// The journal's events as timeline lines. Publications of one revision sent together are one
    /// line, saying once what customers (or, without a customer text, the readers) were told.
    static func historyEntries(_ history: IncidentHistory, showsHypotheses: Bool) -> [(Date, String)] {
        let c = PlainText.clean
        var out: [(Date, String)] = []
        var index = history.entries.startIndex
        while index < history.entries.endIndex {
            let entry = history.entries[index]
            index += 1
            switch entry.event {
            case .opened(let status):
                out.append((entry.at, "Incident opened (\(Labels.status(status)))."))
            case .statusChanged(_, let to):
                out.append((entry.at, statusLine(to)))
            case .reopened(let to, let reason, let returned):
                if let returned { out.append((returned, impactReturnedLine)) }
                out.append((entry.at, "Reopened (\(Labels.status(to)))" + (reason.map { ": " + c($0) } ?? ".")))
            case .hypothesisSettled(let text, let confirmed):
                if showsHypotheses { out.append((entry.at, (confirmed ? "Confirmed: " : "Ruled out: ") + c(text))) }
            case .stepFinished:
                continue // told with the step itself
            case .note(let text):
                out.append((entry.at, "Note from \(c(entry.author)): \(c(text))"))
            case .published(let audience, let channel, let revision, let told):
                var audiences = [(audience, channel, told)]
                while index < history.entries.endIndex, history.entries[index].at == entry.at, history.entries[index].author == entry.author,
                      case .published(let other, let otherChannel, revision, let otherTold) = history.entries[index].event {
                    audiences.append((other, otherChannel, otherTold))
                    index += 1
                }
                let places = audiences.map { published in published.1.map { "\(published.0) (\(c($0)))" } ?? published.0 }
                var line = "Published \(revision.map { "revision \($0)" } ?? "the approved text") to \(listed(places)), by \(c(entry.author))."
                let customer = audiences.first { $0.0 == "customer" }
                if let said = (customer ?? audiences.first)?.2 {
                    line += customer == nil ? " It said: \(c(said))" : " Customers were told: \(c(said))"
                }
                out.append((entry.at, line))
            }
        }
        return out
    }

    /// The timeline's line for the moment a fix stopped holding, when `reopen` was told it.
    static let impactReturnedLine = "The problem returned: customers were affected again."

    /// "a", "a and b", "a, b and c".
    static func listed(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    static func statusLine(_ status: IncidentStatus) -> String {
        switch status {
        case .identified: return "Cause identified (Identified)."
        case .monitoring: return "Fix in place (Monitoring): customers were no longer affected, and we watched that it held."
        case .resolved: return "Resolved."
        case .investigating: return "Back to investigating (Investigating)."
        case .scheduled, .inProgress, .verifying, .completed: return "Status: \(Labels.status(status))."
        }
    }
}
