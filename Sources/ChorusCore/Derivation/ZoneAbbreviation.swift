import Foundation

/// The abbreviation readers use for a zone at a moment: "CET"/"CEST" for Europe/Berlin, "EST"
/// for New York, "BST" for London in summer. `TimeZone.abbreviation` gives the POSIX locale's
/// "GMT+1" for most zones; the locales where a zone's short name is in common use know better,
/// so they are asked in turn, and "GMT+1" stays only where none has a name (Asia/Tokyo: "GMT+9").
enum ZoneAbbreviation {
    /// Locales asked for a short zone name, in order; the first name that is not "GMT±…" wins.
    static let locales = ["en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ", "en_IN"]

    static func name(of timeZone: TimeZone, at date: Date) -> String {
        let plain = timeZone.abbreviation(for: date) ?? timeZone.identifier
        guard isOffset(plain) else { return plain }
        let formatter = DateFormatter()
        formatter.timeZone = timeZone
        formatter.dateFormat = "zzz"
        for identifier in locales {
            formatter.locale = Locale(identifier: identifier)
            let named = formatter.string(from: date)
            // A name of letters only ("CET", "BST"), not an offset and not a long form.
            if !named.isEmpty, !isOffset(named), named.count <= 5, named.allSatisfy({ $0.isASCII && $0.isUppercase }) { return named }
        }
        return plain
    }

    /// "GMT+1", "GMT-4:30", "UTC+2": an offset, not a name.
    static func isOffset(_ text: String) -> Bool {
        (text.hasPrefix("GMT") || text.hasPrefix("UTC")) && text.count > 3
    }
}
