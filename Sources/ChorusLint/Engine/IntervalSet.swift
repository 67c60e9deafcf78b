/// Ranges sorted by start, answering "does anything overlap this range?" by binary search over
/// the starts and a running maximum of the ends.
struct IntervalSet {
    private var starts: [Int32] = []
    private var maximumEnds: [Int32] = []

    var isEmpty: Bool { starts.isEmpty }

    /// Adds `start..<end`; ranges must come in non-decreasing order of start.
    mutating func append(_ start: Int32, _ end: Int32) {
        starts.append(start)
        maximumEnds.append(max(end, maximumEnds.last ?? end))
    }

    /// Whether any range overlaps `start..<end`.
    func overlaps(_ start: Int32, _ end: Int32) -> Bool {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < end { low = mid + 1 } else { high = mid }
        }
        return low > 0 && maximumEnds[low - 1] > start
    }
}
