/// Ranges added in order of their start, answering "does anything overlap this range?" by a
/// binary search over the starts and a running maximum of the ends.
struct IntervalSet: Sendable {
    private var starts: [Int] = []
    private var maximumEnds: [Int] = []

    var isEmpty: Bool { starts.isEmpty }

    /// Adds `start..<end`; starts must not decrease.
    mutating func append(_ start: Int, _ end: Int) {
        starts.append(start)
        maximumEnds.append(max(end, maximumEnds.last ?? end))
    }

    /// Builds the set from ranges in any order.
    init(_ ranges: [Range<Int>] = []) {
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) { append(range.lowerBound, range.upperBound) }
    }

    /// Whether any range overlaps `start..<end` (an empty query overlaps a range containing it).
    func overlaps(_ start: Int, _ end: Int) -> Bool {
        let queryEnd = max(end, start + 1)
        let low = starts.partitioningIndex { $0 >= queryEnd }
        return low > 0 && maximumEnds[low - 1] > start
    }
}
