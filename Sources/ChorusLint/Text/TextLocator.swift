/// Where a byte offset stands in Unicode scalars, lines and columns.
struct ScalarLocation: Equatable {
    /// Unicode scalars before the offset.
    var offset: Int
    /// 1-based.
    var line: Int
    /// 1-based, in Unicode scalars.
    var column: Int
}

/// Converts UTF-8 byte offsets to scalar offsets and line:column in one walk over the text.
enum TextLocator {
    /// Locations of `offsets` (any order, duplicates allowed), keyed by byte offset.
    static func locate(_ offsets: [Int], in bytes: [UInt8]) -> [Int: ScalarLocation] {
        let sorted = Array(Set(offsets)).sorted()
        var result: [Int: ScalarLocation] = [:]
        result.reserveCapacity(sorted.count)
        var scalars = 0, line = 1, column = 1
        var position = 0
        bytes.withUnsafeBufferPointer { buffer in
            for target in sorted {
                let stop = min(target, buffer.count)
                while position < stop {
                    let b = buffer[position]
                    if b & 0xC0 != 0x80 {
                        scalars += 1
                        if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
                    }
                    position += 1
                }
                result[target] = ScalarLocation(offset: scalars, line: line, column: column)
            }
        }
        return result
    }
}
