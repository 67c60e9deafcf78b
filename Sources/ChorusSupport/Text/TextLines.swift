/// The lines of a file as people write it: separated by "\n", or by "\r\n" when a Windows editor
/// saved it. (`String.split(separator: "\n")` does not split at "\r\n", which is one Character:
/// a whole file would read as one line.)
public enum TextLines {
    /// The lines of `text`, without their line ends; a text ending in a line end has an empty
    /// last line, as with `split(separator:omittingEmptySubsequences: false)`.
    public static func split(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            let line = Substring(scalars)
            return line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
        }
    }
}
