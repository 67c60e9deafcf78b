import Foundation

/// A text the user handed us: a file, or standard input when the name is `-`.
public struct InputText: Sendable, Equatable {
    /// The name to print in messages: the path as given, or `<stdin>`.
    public var displayName: String
    public var text: String

    public init(displayName: String, text: String) {
        self.displayName = displayName
        self.text = text
    }
}

/// Why an input could not be read.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension InputText {
    /// Reads `path` as UTF-8. `-` reads `standardInput` instead.
    public static func read(_ path: String, standardInput: @Sendable () -> [UInt8]) throws(InputError) -> InputText {
        if path == "-" {
            return try decode(standardInput(), name: "<stdin>")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(path: path, reason: "is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, reason: "cannot be read (permission denied?)")
        }
        return try decode(Array(data), name: path)
    }

    private static func decode(_ bytes: [UInt8], name: String) throws(InputError) -> InputText {
        if let text = String(validating: bytes, as: UTF8.self) { return InputText(displayName: name, text: text) }
        let (position, byteOffset) = SourcePosition.firstInvalidUTF8(in: bytes) ?? (.start, 0)
        let hex = String(bytes.indices.contains(byteOffset) ? bytes[byteOffset] : 0, radix: 16, uppercase: true)
        throw InputError(path: "\(name):\(position)",
                         reason: "invalid UTF-8 byte 0x\(hex.count < 2 ? "0" + hex : hex); expected UTF-8 text")
    }
}
