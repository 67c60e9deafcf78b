import ChorusSupport
import Foundation

/// An incident state read from text: the typed state, or every problem found.
public struct StateDocument: Sendable {
    public var state: IncidentState
    /// The parsed JSON, for mapping later findings back to lines.
    public var node: JSONNode

    /// Why a document is not a valid state: a syntax error, or a list of problems.
    public enum LoadError: Error, Sendable, Equatable {
        case syntax(JSONSyntaxError)
        case invalid([SchemaProblem])

        /// Every problem, printable as `FILE:LINE:COL: error: …`.
        public func formatted(file: String) -> [String] {
            switch self {
            case .syntax(let error):
                return ["\(file):\(error.position.line):\(error.position.column): error: \(error.message)"]
            case .invalid(let problems):
                return problems.map { $0.formatted(file: file) }
            }
        }
    }

    /// Parses, checks the shape, decodes and validates `text`. Never writes anything. Times in
    /// messages are written in `timeZone` (see `StateValidator.validate`).
    public static func load(_ text: String, timeZone: TimeZone? = nil) throws(LoadError) -> StateDocument {
        // Shape problems first; the decoder ignores unknown keys, so when those are the only
        // problems the rules still run and every problem is reported in one go.
        let (state, node, shape) = try shapeChecked(text)
        let issues = timeZone.map { StateValidator.validate(state, timeZone: $0) } ?? StateValidator.validate(state)
        let rules = issues.map { issue in
            SchemaProblem(path: issue.path, position: node.locate(issue.path).position, message: issue.message)
        }
        let problems = shape + rules
        guard problems.isEmpty else { throw .invalid(sorted(problems)) }
        return StateDocument(state: state, node: node)
    }

    /// Parses, checks the shape and decodes `text`, without the rules beyond shape (for an edit
    /// in progress, which the workflow settles and validates as a whole afterwards).
    public static func decode(_ text: String) throws(LoadError) -> (state: IncidentState, node: JSONNode) {
        let (state, node, shape) = try shapeChecked(text)
        guard shape.isEmpty else { throw .invalid(sorted(shape)) }
        return (state, node)
    }

    /// The decoded state and the shape problems, or an error when it does not decode at all.
    private static func shapeChecked(_ text: String) throws(LoadError) -> (IncidentState, JSONNode, [SchemaProblem]) {
        let node: JSONNode
        do { node = try JSONParser.parse(text) } catch { throw .syntax(error) }
        var problems = SchemaChecker.check(node, against: .object(IncidentStateSchema.state))
        do {
            return (try StateCoding.decoder().decode(IncidentState.self, from: Data(text.utf8)), node, problems)
        } catch let error as DecodingError {
            if problems.isEmpty { problems.append(problem(from: error, in: node)) }
            throw .invalid(sorted(problems))
        } catch {
            throw .invalid(sorted(problems + [SchemaProblem(path: .root, position: node.position, message: "\(error)")]))
        }
    }

    /// In reading order: by line and column, problems without a position last.
    private static func sorted(_ problems: [SchemaProblem]) -> [SchemaProblem] {
        problems.enumerated().sorted { a, b in
            let pa = a.element.position?.offset ?? Int.max, pb = b.element.position?.offset ?? Int.max
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }

    private static func problem(from error: DecodingError, in node: JSONNode) -> SchemaProblem {
        let (codingPath, message): ([any CodingKey], String) = {
            switch error {
            case .typeMismatch(_, let context): return (context.codingPath, context.debugDescription)
            case .valueNotFound(_, let context): return (context.codingPath, context.debugDescription)
            case .keyNotFound(let key, let context): return (context.codingPath + [key], "missing required key \"\(key.stringValue)\"")
            case .dataCorrupted(let context): return (context.codingPath, context.debugDescription)
            @unknown default: return ([], "\(error)")
            }
        }()
        var path = JSONPath.root
        for key in codingPath {
            if let index = key.intValue { path = path.appending(index) } else { path = path.appending(key.stringValue) }
        }
        return SchemaProblem(path: path, position: node.locate(path).position, message: message)
    }
}
