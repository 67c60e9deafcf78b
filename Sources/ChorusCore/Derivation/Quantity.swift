/// Numbers as readers expect them: "18,400", "12.5", "38%".
public enum Quantity {
    /// `value` with thousands separators and at most two decimals (trailing zeros dropped).
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard abs(value) < 1e15 else { return String(value) } // beyond exact whole numbers
        let negative = value < 0
        let hundredths = Int((abs(value) * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if fraction != 0 {
            var decimals = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            if decimals.hasSuffix("0") { decimals.removeLast() }
            grouped += "." + decimals
        }
        return (negative ? "-" : "") + grouped
    }

    /// "38% of card checkouts failing", "412 failed card checkouts", "9,000 USD lost orders".
    public static func describe(value: Double, unit: String?, metric: String) -> String {
        let number = format(value)
        guard let unit, !unit.isEmpty else { return "\(number) \(metric)" }
        let attached = unit == "%" || unit == "‰"
        return (attached ? number + unit : number + " " + unit) + " " + metric
    }
}
