/// Finding bytes in text eight at a time (SWAR), for scans that look for rare bytes.
enum ByteSearch {
    /// The first index in `start..<end` whose byte is `a` or `b`, or `end` when there is none.
    static func firstIndex(of a: UInt8, or b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress, start < end else { return max(start, end) }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let spreadA = ones &* UInt64(a), spreadB = ones &* UInt64(b)
        var i = start
        while i &+ 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // A zero byte of word ^ spread marks a match; the lowest mark is exact (a borrow can
            // only mark bytes above a real match).
            let xa = word ^ spreadA, xb = word ^ spreadB
            let marks = ((xa &- ones) & ~xa | (xb &- ones) & ~xb) & highs
            if marks != 0 { return i &+ marks.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        while i < end {
            if base[i] == a || base[i] == b { return i }
            i &+= 1
        }
        return end
    }
}
