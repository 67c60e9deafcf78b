import Foundation

/// Numbers as readers expect them: "18,400", "12.5", "38%".
public enum Quantity {
    /// `value` with thousands separators at any magnitude and at most two decimals (trailing
    /// zeros dropped). A non-zero value that two decimals would show as 0 keeps two significant
    /// digits instead ("0.001", "0.0012"): "0% error rate" for a real 0.001% would be wrong.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        // Beyond 2^53 whole numbers are no longer exact: the shortest digits that read back as
        // the value, written out in full ("1e+16" would be lost on most readers).
        guard magnitude < 1e15 else { return sign + grouped(wholeDigits(magnitude.rounded())) }
        // The whole part and the hundredths apart: magnitude × 100 would not be exact near 1e15.
        var whole = Int(magnitude.rounded(.down))
        var fraction = Int(((magnitude - magnitude.rounded(.down)) * 100).rounded())
        if fraction == 100 { whole += 1; fraction = 0 }
        let hundredths = whole * 100 + fraction
        if hundredths == 0 && magnitude > 0 { return sign + small(magnitude) }
        var text = grouped(String(whole))
        if fraction != 0 {
            var decimals = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            if decimals.hasSuffix("0") { decimals.removeLast() }
            text += "." + decimals
        }
        return (hundredths == 0 ? "" : sign) + text // never "-0"
    }

    /// "38% of card checkouts failing", "412 failed card checkouts", "9,000 USD lost orders".
    public static func describe(value: Double, unit: String?, metric: String) -> String {
        let number = format(value)
        guard let unit, !unit.isEmpty else { return "\(number) \(metric)" }
        let attached = unit == "%" || unit == "‰"
        return (attached ? number + unit : number + " " + unit) + " " + metric
    }

    /// "1234567" → "1,234,567".
    static func grouped(_ digits: String) -> String {
        var digits = Substring(digits)
        var result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits = digits.dropLast(3)
        }
        return digits + result
    }

    /// The digits of a whole, non-negative `value` from its shortest round-trip form:
    /// 1e16 → "10000000000000000", 1.5e308 → "15" and 307 zeros.
    static func wholeDigits(_ value: Double) -> String {
        let text = value.description // "1000000000000000.0", "1e+16", "1.5e+308"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        let exponent = parts.count == 2 ? Int(parts[1].drop { $0 == "+" }) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces.first.map(String.init) ?? ""
        var fraction = pieces.count == 2 ? String(pieces[1]) : ""
        if exponent == 0 { return whole } // a whole number: its fraction is ".0"
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return whole + fraction + String(repeating: "0", count: max(0, exponent - fraction.count))
    }

    /// A value below 0.005, with two significant digits and no trailing zeros.
    static func small(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down)) // -3 for 0.001…0.00999
        var text = String(format: "%.\(1 - exponent)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
