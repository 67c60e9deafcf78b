import Foundation

/// The process's resident memory, read from `/proc/self/statm` (Linux); nil elsewhere.
enum HeldMemory {
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// How much more resident memory there is while `make`'s result is alive than before it was
    /// made, per item it reports: what a value holds, allocator slack and page rounding included
    /// (memory freed inside `make` is mostly unmapped again, large blocks being mapped on their own).
    static func bytesHeld<T>(per count: (T) -> Int, _ make: () -> T) -> Double? {
        guard let before = residentBytes() else { return nil }
        let value = make()
        guard let after = residentBytes() else { return nil }
        let items = count(value)
        return withExtendedLifetime(value) { items > 0 ? Double(after - before) / Double(items) : nil }
    }
}
