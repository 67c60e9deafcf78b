/// Reads what `ByteWriter` wrote, checking every length and bound: damaged or foreign bytes
/// throw `ByteReader.Damaged` and never trap, so a bad cache file is only a cache miss.
struct ByteReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(Damaged) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() throws(Damaged) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw Damaged() }
        let o = offset
        offset += 4
        return UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
    }

    mutating func int32() throws(Damaged) -> Int32 { Int32(bitPattern: try uint32()) }

    mutating func uint64() throws(Damaged) -> UInt64 {
        let low = UInt64(try uint32())
        return low | UInt64(try uint32()) << 32
    }

    mutating func int() throws(Damaged) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count of things that each take at least `size` bytes: never more than what is left,
    /// so a damaged count cannot make a reader reserve memory the file cannot hold.
    mutating func count(each size: Int = 1) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.count - offset) / max(1, size) else { throw Damaged() }
        return value
    }

    mutating func bool() throws(Damaged) -> Bool {
        switch try take(1).first {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard let value = try take(1).first else { throw Damaged() }
        return value
    }

    mutating func string() throws(Damaged) -> String {
        let utf8 = try take(Int(uint32()))
        guard let value = String(validating: utf8, as: UTF8.self) else { throw Damaged() }
        return value
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Damaged) -> [String] {
        try array { reader throws(Damaged) in try reader.string() }
    }

    mutating func int32s() throws(Damaged) -> [Int32] {
        let n = try count(each: 4)
        var values: [Int32] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try int32()) }
        return values
    }

    mutating func code() throws(Damaged) -> Code {
        Code(start: try int32(), end: try int32())
    }

    mutating func array<T>(_ read: (inout ByteReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        // No reserve: an element may take far more memory than its bytes in the file.
        let n = try count()
        var values: [T] = []
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }
}
