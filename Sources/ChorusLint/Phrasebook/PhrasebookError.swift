/// Why a phrasebook could not be loaded: every problem found, each naming file, line and column.
public struct PhrasebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem at one place.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The file as given to the loader (a path, or a name in tests).
        public var file: String
        /// 1-based line; 0 when the problem concerns the whole file or folder.
        public var line: Int
        /// 1-based column in Unicode scalars; 0 with line 0.
        public var column: Int
        /// What is wrong and what was expected.
        public var message: String

        public init(file: String, line: Int, column: Int, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        /// `file:line:column: error: message`, the form editors jump to.
        public var description: String {
            line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
