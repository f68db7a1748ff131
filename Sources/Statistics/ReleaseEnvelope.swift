import Casework
import Foundation
import Sealing
import SichtbarCore

/// An office release on its way to the Verband: the signed statistics file sealed to the
/// Verband's public key (`crypto_box_seal`), so only its analysts can read the counts; what
/// `stats release --out` writes and `stats merge` reads. Office and period stay readable, so a
/// wrong file is refused by name before anything is opened; neither says anything about a person.
public struct ReleaseEnvelope: Codable, Sendable, Equatable {
    public static let currentFormat = "sichtbar-release/1"

    public var format: String
    public var office: String
    public var period: String
    /// The sealed box, standard Base64.
    public var sealed: String
    /// The office's signed audit chain head at sending, in clear (it names no person): the
    /// Verband keeps it, and `audit verify --anchor` takes the envelope as a checkpoint kept
    /// outside the server. Absent in envelopes made before checkpoints travelled with them.
    public var checkpoint: AuditCheckpoint?

    /// Seals `file` (a signed statistics file's bytes) to `verband`.
    public init(sealing file: [UInt8], office: String, period: String, to verband: BoxPublicKey) {
        self.format = Self.currentFormat
        self.office = office
        self.period = period
        self.sealed = Data(SealedBox.seal(SecureBytes(copying: file), to: verband)).base64EncodedString()
    }

    /// An envelope around an already sealed copy (the one the store keeps).
    public init(sealedCopy: [UInt8], office: String, period: String) {
        self.format = Self.currentFormat
        self.office = office
        self.period = period
        self.sealed = Data(sealedCopy).base64EncodedString()
    }

    /// Reads an envelope; nil when the bytes are not one (a plain statistics file, say).
    public init?(bytes: [UInt8]) {
        guard let envelope = try? JSONDecoder().decode(ReleaseEnvelope.self, from: Data(bytes)),
            envelope.format == Self.currentFormat
        else { return nil }
        self = envelope
    }

    /// The signed file inside, for the Verband's key pair; throws when the key is not the one it
    /// was sealed to or the box was changed.
    public func open(with verband: BoxKeyPair) throws -> [UInt8] {
        guard let box = Data(base64Encoded: sealed) else { throw SealingError.authenticationFailed }
        let plain = try SealedBox.open(Array(box), with: verband)
        return plain.withUnsafeBytes { Array($0) }
    }

    /// Opens with the first of `keys` it was sealed to.
    public func open(withAnyOf keys: [BoxKeyPair]) throws -> [UInt8] {
        for key in keys {
            if let plain = try? open(with: key) { return plain }
        }
        throw SealingError.authenticationFailed
    }

    /// The envelope as written to disk: sorted keys, one line.
    public func serialised() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
