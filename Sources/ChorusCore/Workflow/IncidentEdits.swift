import ChorusSupport
import Foundation

/// The changes the workflow verbs make to a state. Each returns the new state or throws a
/// `StateEditError` that says why; none writes anything.
public enum IncidentEdits {

    /// The next free id with `prefix` ("F" → "F4" when F1…F3 exist).
    public static func nextID(prefix: String, existing: [String]) -> String {
        let numbers = existing.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.filter { $0 < Int.max / 2 }
        return prefix + String((numbers.max() ?? 0) + 1)
    }

    public static func addFact(_ state: IncidentState, text: String, source: FactSource, at: Date) -> (IncidentState, String) {
        var state = state
        let id = nextID(prefix: "F", existing: state.facts.map(\.id) + state.corrections.compactMap(\.retracts))
        state.facts.append(Fact(id: id, text: text, at: at, source: source))
        return (state, id)
    }

    public static func addHypothesis(_ state: IncidentState, text: String) -> (IncidentState, String) {
        var state = state
        let id = nextID(prefix: "H", existing: state.hypotheses.map(\.id))
        state.hypotheses.append(Hypothesis(id: id, text: withoutLabel("hypothesis", text), state: .open))
        return (state, id)
    }

    /// `text` without a leading "Hypothesis:" (any case): the drafts label it themselves, so
    /// "Hypothesis: Hypothesis: …" would otherwise reach engineering.
    static func withoutLabel(_ label: String, _ text: String) -> String {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.count > label.count + 1, trimmed.prefix(label.count).lowercased() == label,
              trimmed.dropFirst(label.count).first == ":" else { return text }
        let rest = trimmed.dropFirst(label.count + 1).drop { $0.isWhitespace }
        return rest.isEmpty ? text : String(rest)
    }

    public static func setHypothesis(_ state: IncidentState, id: String, to newState: HypothesisState) throws -> IncidentState {
        var state = state
        guard let index = state.hypotheses.firstIndex(where: { $0.id == id }) else {
            throw StateEditError.notFound(unknown("hypothesis", id, among: state.hypotheses.map(\.id)))
        }
        state.hypotheses[index].state = newState
        return state
    }

    public static func retract(_ state: IncidentState, factID: String, correct: String, at: Date) throws -> IncidentState {
        var state = state
        guard let index = state.facts.firstIndex(where: { $0.id == factID }) else {
            throw StateEditError.notFound(unknown("fact", factID, among: state.facts.map(\.id)))
        }
        let fact = state.facts.remove(at: index)
        state.corrections.append(Correction(retracts: fact.id, said: fact.text, correct: correct, at: at))
        return state
    }

    /// Changes correction `index` (its statement, what is true now, or both).
    public static func editCorrection(_ state: IncidentState, at index: Int, said: String?, correct: String?) throws(StateEditError) -> IncidentState {
        var state = state
        guard state.corrections.indices.contains(index) else { throw .notFound(noCorrection(index, in: state)) }
        if let said {
            guard state.corrections[index].retracts == nil else {
                throw .refused("correction \(index + 1) retracts fact \(state.corrections[index].retracts ?? ""); what the fact said cannot change, only --correct")
            }
            state.corrections[index].said = said
        }
        if let correct { state.corrections[index].correct = correct }
        return state
    }

    /// Withdraws correction `index`. A withdrawn fact retraction puts the fact back as it was
    /// last recorded (found in `history`, the states of earlier revisions, oldest first).
    public static func withdrawCorrection(_ state: IncidentState, at index: Int, history: [IncidentState]) throws(StateEditError) -> IncidentState {
        var state = state
        guard state.corrections.indices.contains(index) else { throw .notFound(noCorrection(index, in: state)) }
        let correction = state.corrections.remove(at: index)
        if let id = correction.retracts {
            let fact = history.reversed().lazy.compactMap { $0.facts.first { $0.id == id } }.first
                ?? Fact(id: id, text: correction.said, at: correction.at, source: .engineering)
            state.facts.append(fact)
            state.facts.sort { $0.at < $1.at }
        }
        return state
    }

    static func noCorrection(_ index: Int, in state: IncidentState) -> String {
        state.corrections.isEmpty ? "\(state.id) has no corrections"
            : "\(state.id) has \(Wording.count(state.corrections.count, "correction")); there is no correction \(index + 1) (they count from 1)"
    }

    public static func addStep(_ state: IncidentState, text: String, owner: String, stepState: StepState, at: Date?) -> (IncidentState, String) {
        var state = state
        let id = nextID(prefix: "S", existing: state.steps.compactMap(\.id))
        state.steps.append(Step(id: id, text: text, owner: owner, state: stepState, at: at))
        return (state, id)
    }

    public static func setStep(_ state: IncidentState, id: String, to stepState: StepState, owner: String?, at: Date) throws -> IncidentState {
        var state = state
        guard let index = state.steps.firstIndex(where: { $0.id == id }) else {
            throw StateEditError.notFound(unknown("step", id, among: state.steps.compactMap(\.id)))
        }
        state.steps[index].state = stepState
        if let owner { state.steps[index].owner = owner }
        if stepState == .done || stepState == .failed { state.steps[index].at = at }
        return state
    }

    public static func setComponent(_ state: IncidentState, internalName: String, status: ComponentStatus,
                                    publicName: String?, statuspageID: String?) throws -> IncidentState {
        var state = state
        if let index = state.components.firstIndex(where: { $0.internalName == internalName }) {
            state.components[index].status = status
            if let publicName { state.components[index].publicName = publicName }
            if let statuspageID { state.components[index].statuspageId = statuspageID }
        } else {
            guard let publicName else {
                var message = "no component \"\(internalName)\" yet; to add it, give its public name with --public NAME"
                if let near = NameSuggestion.closest(to: internalName, among: state.components.map(\.internalName)) {
                    message += ". Did you mean \"\(near)\"?"
                }
                throw StateEditError.refused(message)
            }
            state.components.append(AffectedComponent(internalName: internalName, publicName: publicName, status: status, statuspageId: statuspageID))
        }
        return state
    }

    static func unknown(_ noun: String, _ id: String, among ids: [String]) -> String {
        var message = "no \(noun) \"\(id)\""
        if let near = NameSuggestion.closest(to: id, among: ids) {
            message += ". Did you mean \"\(near)\"?"
        } else if !ids.isEmpty {
            message += "; known: \(ids.joined(separator: ", "))"
        }
        return message
    }

    /// Checks an edited state with the same rules as `chorus validate` (shape and rules), so
    /// the journal never holds a state `validate` would refuse.
    public static func validated(_ state: IncidentState, timeZone: TimeZone? = nil) throws(StateEditError) -> IncidentState {
        let text: String
        do { text = try StateCoding.encode(state) } catch {
            throw .invalid([SchemaProblem(path: .root, position: nil, message: "the state cannot be written as JSON: \(error)")])
        }
        do {
            return try StateDocument.load(text, timeZone: timeZone).state
        } catch {
            // Positions would point into the encoded state, not a file the user wrote: keep the paths.
            switch error {
            case .syntax(let syntax): throw .invalid([SchemaProblem(path: .root, position: nil, message: syntax.message)])
            case .invalid(let problems): throw .invalid(problems.map { SchemaProblem(path: $0.path, position: nil, message: $0.message) })
            }
        }
    }
}
