import Foundation
import Sealing

/// The newest entry of a chain, signed by the server: stored with every append, and written out
/// as a checkpoint that leads and the Verband keep outside the server.
public struct AuditHead: Sendable, Equatable, Codable {
    public let chain: EntityID
    public let sequence: UInt64
    public let hash: [UInt8]
    public let signature: [UInt8]

    public init(chain: EntityID, sequence: UInt64, hash: [UInt8], signature: [UInt8]) {
        self.chain = chain
        self.sequence = sequence
        self.hash = hash
        self.signature = signature
    }

    /// Signs the head of `chain` at `sequence` with `hash`.
    public static func signed(chain: EntityID, sequence: UInt64, hash: [UInt8], by key: SigningKeyPair) -> AuditHead {
        AuditHead(
            chain: chain, sequence: sequence, hash: hash,
            signature: key.sign(message(chain: chain, sequence: sequence, hash: hash)))
    }

    public func isSigned(by key: SigningPublicKey) -> Bool {
        key.isValidSignature(signature, for: Self.message(chain: chain, sequence: sequence, hash: hash))
    }

    static func message(chain: EntityID, sequence: UInt64, hash: [UInt8]) -> [UInt8] {
        var bytes = Array("sichtbar-audit-head-v1".utf8) + chain.bytes
        withUnsafeBytes(of: sequence.bigEndian) { bytes += $0 }
        return bytes + hash
    }
}

/// A checkpoint file: the signed head and the key that signed it, in JSON.
public struct AuditCheckpoint: Sendable, Equatable, Codable {
    public let chain: String
    public let sequence: UInt64
    public let hash: String
    public let signature: String
    public let key: String
    public let writtenAt: String

    public init(head: AuditHead, key: SigningPublicKey, writtenAt: Date = Date()) {
        chain = head.chain.hex
        sequence = head.sequence
        hash = Data(head.hash).base64EncodedString()
        signature = Data(head.signature).base64EncodedString()
        self.key = Data(key.bytes).base64EncodedString()
        self.writtenAt = AuditEvent.timestamp(writtenAt)
    }

    /// The head it carries, if the file is well formed.
    public var head: AuditHead? {
        guard let chainID = EntityID(hex: chain), let hashBytes = Data(base64Encoded: hash),
            let signatureBytes = Data(base64Encoded: signature)
        else { return nil }
        return AuditHead(chain: chainID, sequence: sequence, hash: [UInt8](hashBytes), signature: [UInt8](signatureBytes))
    }

    public var signingKey: SigningPublicKey? {
        Data(base64Encoded: key).flatMap { try? SigningPublicKey(bytes: [UInt8]($0)) }
    }
}
