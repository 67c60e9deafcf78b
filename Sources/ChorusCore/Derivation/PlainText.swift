/// Cleans text taken from the state before any audience sees it.
public enum PlainText {
    /// Private-use characters the renderer uses to mark where a value starts and ends.
    public static let valueStart: Unicode.Scalar = "\u{E000}"
    public static let valueEnd: Unicode.Scalar = "\u{E001}"

    /// One line of text: control characters removed, line breaks and runs of whitespace folded
    /// into single spaces, the renderer's markers removed, ends trimmed. A state field can
    /// therefore never add a line, a heading or a list item to a draft.
    public static func clean(_ text: String) -> String {
        if isAlreadyClean(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == valueStart || scalar == valueEnd { continue }
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                if scalar.properties.isWhitespace || scalar == "\n" || scalar == "\r" || scalar == "\t" { pendingSpace = true }
                continue
            }
            switch scalar.properties.generalCategory {
            case .format where scalar != "\u{200D}": continue // bidi overrides, zero-width marks (keep ZWJ for emoji)
            case .lineSeparator, .paragraphSeparator: pendingSpace = true; continue
            default: break
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// The common case, checked on bytes: printable ASCII with single inner spaces and no
    /// space at either end needs no work.
    private static func isAlreadyClean(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isAlreadyClean) ?? isAlreadyClean(text.utf8)
    }

    private static func isAlreadyClean(_ bytes: some Collection<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousWasSpace = false
            } else {
                return false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }
}
