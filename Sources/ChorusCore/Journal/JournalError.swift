/// Why a journal operation did not happen. Nothing is written when one of these is thrown.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchIncident(id: String, known: [String], suggestion: String?)
    case incidentExists(id: String)
    case invalidID(String)
    /// `--expect-revision` did not match: someone else wrote first.
    case conflict(expected: Int, actual: Int, by: String?)
    /// A line before the last one cannot be read: the journal was edited or damaged.
    case damaged(path: String, line: Int, reason: String)
    /// A complete line that does not decode: written by a newer version, or damaged. It is
    /// never cut; reads and writes stop until it is dealt with.
    case unreadable(path: String, line: Int, reason: String)
    case io(String)
    case missingAuthor
    case rejected(String)

    public var description: String {
        switch self {
        case .noSuchIncident(let id, let known, let suggestion):
            var text = "no incident \"\(id)\" in this store"
            if let suggestion { text += ". Did you mean \"\(suggestion)\"?" } else if !known.isEmpty { text += "; incidents: \(known.joined(separator: ", "))" }
            return text
        case .incidentExists(let id):
            return "incident \"\(id)\" already exists; use chorus update to change it"
        case .invalidID(let id):
            return "\"\(id)\" cannot be an incident id: use letters, digits, '-', '_' and '.', starting with a letter or digit"
        case .conflict(let expected, let actual, let by):
            return "conflict: you started from revision \(expected), but the incident is now at revision \(actual)"
                + (by.map { " (by \($0))" } ?? "") + "; nothing was written. Read it again and retry."
        case .damaged(let path, let line, let reason):
            return "\(path):\(line): the journal is damaged (\(reason)); it was left untouched"
        case .unreadable(let path, let line, let reason):
            return "\(path):\(line): this entry was written by a newer version of chorus (or is damaged): \(reason). The journal was left as it is, and nothing is written to it until chorus is upgraded or the line is repaired; run chorus verify for details"
        case .io(let message):
            return message
        case .missingAuthor:
            return "who is writing? Pass --as NAME or set CHORUS_AUTHOR; every journal entry names its author"
        case .rejected(let message):
            return message
        }
    }
}
