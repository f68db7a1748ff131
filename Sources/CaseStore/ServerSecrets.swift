import Foundation
import Sealing

#if canImport(Glibc)
    import Glibc
#endif

/// The server's own secrets: the key that turns receipt lookup seeds into lookup ids, and the
/// Ed25519 seed that signs audit heads and exports. Kept in a 0600 file beside the database,
/// never in it, so a leaked database alone cannot test receipts.
public final class ServerSecrets: Sendable {
    public let lookupKey: SecureBytes
    public let signing: SigningKeyPair

    init(lookupKey: SecureBytes, signing: SigningKeyPair) {
        self.lookupKey = lookupKey
        self.signing = signing
    }

    /// Fresh secrets (first start of a data folder).
    public static func generate() -> ServerSecrets {
        ServerSecrets(lookupKey: SecureBytes(randomCount: 32), signing: SigningKeyPair())
    }

    /// Loads the secrets file, or creates it with mode 0600 when there is none.
    public static func loadOrCreate(at url: URL) throws -> ServerSecrets {
        if FileManager.default.fileExists(atPath: url.path) {
            return try load(from: url)
        }
        let secrets = generate()
        try secrets.write(to: url)
        return secrets
    }

    static func load(from url: URL) throws -> ServerSecrets {
        var bytes = [UInt8](try Data(contentsOf: url))
        defer { Sodium.wipe(&bytes) }
        guard bytes.count == 4 + 32 + 32, Array(bytes[0..<4]) == Self.magic else {
            throw ServerSecretsError.malformed(url.path)
        }
        return ServerSecrets(
            lookupKey: SecureBytes(copying: bytes[4..<36]),
            signing: try SigningKeyPair(seed: SecureBytes(copying: bytes[36..<68])))
    }

    func write(to url: URL) throws {
        var bytes = Self.magic + lookupKey.copyBytes() + signing.seed.copyBytes()
        defer { Sodium.wipe(&bytes) }
        // Created 0600 with O_EXCL, so the secrets are never readable by others, not even briefly.
        let descriptor = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ServerSecretsError.cannotWrite(url.path) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw ServerSecretsError.cannotWrite(url.path) }
    }

    static let magic: [UInt8] = Array("SBS1".utf8)
}

public enum ServerSecretsError: Error, CustomStringConvertible {
    case malformed(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .malformed(let path): return "\(path) is not a Sichtbar secrets file"
        case .cannotWrite(let path): return "cannot write \(path)"
        }
    }
}
