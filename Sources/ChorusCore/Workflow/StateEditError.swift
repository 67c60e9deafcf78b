import ChorusSupport

/// Why a change to the state was not made. Nothing is written when one of these is thrown.
public enum StateEditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The change would leave a state `chorus validate` refuses: every problem, by JSON path.
    case invalid([SchemaProblem])
    /// The change names something the state does not have (a fact id, a correction number).
    case notFound(String)
    /// The change cannot be made as asked (a duplicate, a status that does not allow it).
    case refused(String)
    /// The command line names a field the state does not have, or gives a value that is not of
    /// the field's type ("abc" for a number): a usage mistake.
    case badInput(String)

    /// One line saying what went wrong.
    public var summary: String {
        switch self {
        case .invalid(let problems):
            return "the change would make the state invalid (\(Wording.count(problems.count, "problem"))); nothing was written"
        case .notFound(let message), .refused(let message), .badInput(let message):
            return message
        }
    }

    public var description: String {
        switch self {
        case .invalid(let problems): return ([summary + ":"] + problems.map { "  " + $0.description }).joined(separator: "\n")
        default: return summary
        }
    }
}
