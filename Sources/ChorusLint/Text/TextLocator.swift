/// Where a byte offset stands in Unicode scalars, lines and columns.
struct ScalarLocation: Equatable {
    /// Unicode scalars before the offset.
    var offset: Int
    /// 1-based.
    var line: Int
    /// 1-based, in Unicode scalars.
    var column: Int
}

/// Converts UTF-8 byte offsets to scalar offsets and line:column: one pass records where lines
/// start (and, for text that is not pure ASCII, how many scalars precede each line and each
/// block of `blockSize` bytes), then each offset is a binary search plus, for non-ASCII text, a
/// count of at most one block. The cost per offset does not grow with the line's length, so
/// many findings on one long non-ASCII line stay linear (counting from the line's start was
/// quadratic: 20,000 findings on one 180 KB line took seconds).
struct TextLocator {
    private let bytes: [UInt8]
    /// Byte offset of each line's first byte.
    private let lineStarts: [Int]
    /// Scalars before each line's first byte (nil when the text is ASCII: bytes are scalars).
    private let scalarLineStarts: [Int]?
    /// Scalars before byte `k * blockSize`, for every block (empty when the text is ASCII).
    private let scalarBlockStarts: [Int]
    static let blockSize = 64

    /// `lineStarts` and `isASCII` come from the region scan, which already visits every line break.
    init(_ bytes: [UInt8], lineStarts: [Int], isASCII: Bool) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        guard !isASCII else {
            scalarLineStarts = nil
            scalarBlockStarts = []
            return
        }
        var scalarStarts = [0]
        scalarStarts.reserveCapacity(lineStarts.count)
        var blockStarts: [Int] = []
        blockStarts.reserveCapacity(bytes.count / Self.blockSize + 1)
        var scalars = 0
        for (i, b) in bytes.enumerated() {
            if i % Self.blockSize == 0 { blockStarts.append(scalars) }
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == UInt8(ascii: "\n") { scalarStarts.append(scalars) }
        }
        if bytes.count % Self.blockSize == 0 { blockStarts.append(scalars) } // the end, when it starts a block
        scalarLineStarts = scalarStarts
        scalarBlockStarts = blockStarts
    }

    /// Unicode scalars that start before byte `offset` (clamped to the text).
    private func scalars(before offset: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        let block = min(offset / Self.blockSize, scalarBlockStarts.count - 1)
        guard block >= 0 else { return offset }
        var count = scalarBlockStarts[block]
        for i in (block * Self.blockSize)..<offset where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    func locate(_ offset: Int) -> ScalarLocation {
        let low = lineStarts.partitioningIndex { $0 > offset }
        return locate(offset, line: max(low, 1))
    }

    /// `locate` for offsets that mostly come in text order (a rule's findings): `line` is the
    /// previous answer's line, and the search starts from it when the offset is at or past it.
    func locate(_ offset: Int, near line: inout Int) -> ScalarLocation {
        guard line >= 1, line <= lineStarts.count, lineStarts[line - 1] <= offset else {
            let location = locate(offset)
            line = location.line
            return location
        }
        var low = line
        while low < lineStarts.count, lineStarts[low] <= offset {
            low += 1
            if low - line > 16 {
                // Far ahead: search instead.
                let location = locate(offset)
                line = location.line
                return location
            }
        }
        line = low
        return locate(offset, line: low)
    }

    private func locate(_ offset: Int, line: Int) -> ScalarLocation {
        let start = lineStarts[line - 1]
        guard let scalarLineStarts else {
            return ScalarLocation(offset: offset, line: line, column: offset - start + 1)
        }
        let column = max(0, scalars(before: max(offset, start)) - scalarLineStarts[line - 1])
        // A byte order mark is no column an editor shows: the first word of the file is at 1:1.
        let mark = line == 1 && startsWithByteOrderMark && offset >= 3 ? 1 : 0
        return ScalarLocation(offset: scalarLineStarts[line - 1] + column, line: line, column: column + 1 - mark)
    }

    private var startsWithByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
