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

    /// `overlaps` for a run of queries whose starts mostly do not decrease (hits in text order):
    /// the ranges starting before the query are counted on from the previous query, not searched.
    /// Any order gives the same answers; a decreasing start only costs a restart.
    struct Cursor {
        private var passed = 0
        private var lastStart = Int32.min

        mutating func overlaps(_ start: Int32, _ end: Int32, in set: IntervalSet) -> Bool {
            guard end > start else { return set.overlaps(start, end) }
            if start < lastStart { passed = 0 }
            lastStart = start
            let starts = set.starts
            while passed < starts.count, starts[passed] < start { passed += 1 }
            var low = passed
            while low < starts.count, starts[low] < end { low += 1 }
            return low > 0 && set.maximumEnds[low - 1] > start
        }
    }
}
