extension Array {
    /// The first index whose element satisfies `belongsToSecondPart`, for an array in which
    /// every element that does comes after every element that does not (binary search; the
    /// count when none does).
    func partitioningIndex(where belongsToSecondPart: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsToSecondPart(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
