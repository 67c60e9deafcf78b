/// HMAC-SHA256 (RFC 2104) on `SHA256`: how a webhook body is signed for its receiver, as
/// GitHub (`X-Hub-Signature-256`) and Stripe sign theirs. Checked against RFC 4231.
public enum HMACSHA256 {
    /// SHA-256 reads 64-byte blocks.
    static let blockSize = 64

    /// The 32-byte authentication code of `message` under `key`.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        // A key longer than a block is hashed first; a shorter one is padded with zeros.
        var block = key.count > blockSize ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// The code as 64 lowercase hexadecimal digits.
    public static func hex(_ message: [UInt8], key: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in authenticationCode(for: message, key: key) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `signature` (hex, any case) is the code of `message` under `key`, compared in
    /// time that does not depend on where they differ.
    public static func verify(_ signature: String, message: [UInt8], key: [UInt8]) -> Bool {
        let expected = Array(hex(message, key: key).utf8)
        let given = Array(signature.lowercased().utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in given.indices { difference |= given[index] ^ expected[index] }
        return difference == 0
    }
}
