/// What a record is bound to: its case, its kind, its own id and the key version, and for a
/// case sheet the case's revision. It is the AEAD associated data, so a ciphertext moved to
/// another case or row, relabelled, replayed under an older key version, or (a sheet) put back
/// at another revision fails to open.
public struct RecordAssociation: Sendable, Equatable {
    public let caseID: [UInt8]
    public let kind: String
    public let recordID: [UInt8]
    public let keyVersion: UInt32
    /// The case revision a sheet was written at; nil for every other record and for sheets
    /// sealed before revisions were bound (their encoding is unchanged).
    public let revision: UInt64?

    public init(caseID: [UInt8], kind: String, recordID: [UInt8], keyVersion: UInt32, revision: UInt64? = nil) {
        self.caseID = caseID
        self.kind = kind
        self.recordID = recordID
        self.keyVersion = keyVersion
        self.revision = revision
    }

    /// case id ‖ kind ‖ record id ‖ key version, each variable part length-prefixed so that
    /// no two different associations share an encoding.
    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        for part in [caseID, Array(kind.utf8), recordID] {
            bytes.append(contentsOf: UInt32(part.count).bigEndianBytes)
            bytes.append(contentsOf: part)
        }
        bytes.append(contentsOf: keyVersion.bigEndianBytes)
        // Eight more bytes: the fixed-length tail cannot be confused with an unbound encoding.
        if let revision {
            bytes.append(contentsOf: UInt32(truncatingIfNeeded: revision >> 32).bigEndianBytes)
            bytes.append(contentsOf: UInt32(truncatingIfNeeded: revision).bigEndianBytes)
        }
        return bytes
    }
}

extension UInt32 {
    var bigEndianBytes: [UInt8] {
        [
            UInt8(truncatingIfNeeded: self >> 24), UInt8(truncatingIfNeeded: self >> 16),
            UInt8(truncatingIfNeeded: self >> 8), UInt8(truncatingIfNeeded: self),
        ]
    }
}
