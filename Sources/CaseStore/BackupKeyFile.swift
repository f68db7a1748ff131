import Foundation
import Sealing

#if canImport(Glibc)
    import Glibc
#endif

/// The backup key pair. Its secret half goes only into the key file (0600), kept away from the
/// server; the server keeps the public half (`backup.pub` in the data folder) to encrypt to.
public enum BackupKeyFile {
    static let magic: [UInt8] = Array("SBK1".utf8)
    public static let publicFileName = "backup.pub"

    /// Writes a fresh key pair to `url` (refusing to overwrite); returns its public key.
    public static func create(at url: URL) throws -> BoxPublicKey {
        let pair = BoxKeyPair()
        var bytes = magic + pair.secretKey.copyBytes() + pair.publicKey.bytes
        defer { Sodium.wipe(&bytes) }
        try writeExclusive(bytes, to: url)
        return pair.publicKey
    }

    /// Reads the key pair from a key file.
    public static func load(from url: URL) throws -> BoxKeyPair {
        var bytes = [UInt8](try Data(contentsOf: url))
        defer { Sodium.wipe(&bytes) }
        guard bytes.count == 4 + 32 + 32, Array(bytes[0..<4]) == magic else {
            throw BackupError.malformed("\(url.path) is not a backup key file")
        }
        let pair = try BoxKeyPair(secretKey: SecureBytes(copying: bytes[4..<36]))
        guard pair.publicKey.bytes == Array(bytes[36..<68]) else {
            throw BackupError.malformed("\(url.path) does not hold a matching key pair")
        }
        return pair
    }

    /// The public key kept in the data folder, as hex.
    public static func loadPublic(from url: URL) throws -> BoxPublicKey {
        let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Hex.decode(text), bytes.count == 32 else { throw BackupError.malformed("\(url.path) is not a backup public key") }
        return try BoxPublicKey(bytes: bytes)
    }

    /// Created 0600 with O_EXCL: never readable by others, never over an existing file.
    static func writeExclusive(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw BackupError.cannotWrite("\(url.path) exists or cannot be created") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw BackupError.cannotWrite(url.path) }
    }
}

/// Why a backup or restore stopped.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case malformed(String)
    case cannotWrite(String)
    case check(String)

    public var description: String {
        switch self {
        case .malformed(let text), .check(let text): return text
        case .cannotWrite(let path): return "cannot write \(path)"
        }
    }
}
