/// The part of a source line shown under an error message: the whole line when it is short,
/// else a window around the column with "…" where it was cut, so a one-line file of 240 KB
/// does not become 240 KB of error output.
public enum SourceExcerpt {
    /// The most scalars of a line shown (the window is about this wide).
    public static let maximumWidth = 120

    /// `line` (or a window of it around `column`, 1-based, in Unicode scalars) and a caret line
    /// pointing at `column` (tabs kept, so the caret lines up under them).
    public static func lines(_ line: String, column: Int, width: Int = maximumWidth) -> (text: String, caret: String) {
        let scalars = Array(line.unicodeScalars)
        let target = min(max(column - 1, 0), scalars.count)
        var start = 0, end = scalars.count
        if scalars.count > width {
            start = max(0, min(target - width / 2, scalars.count - width))
            end = min(scalars.count, start + width)
        }
        var text = String.UnicodeScalarView()
        var caret = String.UnicodeScalarView()
        if start > 0 { text.append("…"); caret.append(" ") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        for scalar in scalars[start..<target] { caret.append(scalar == "\t" ? "\t" : " ") }
        caret.append("^")
        return (String(text), String(caret))
    }
}
