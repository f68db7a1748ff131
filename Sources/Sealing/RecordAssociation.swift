/// What a record is bound to: its case, its kind, its own id and the key version.
/// It is the AEAD associated data, so a ciphertext moved to another case or row, relabelled,
/// or replayed under an older key version fails to open.
public struct RecordAssociation: Sendable, Equatable {
    public let caseID: [UInt8]
    public let kind: String
    public let recordID: [UInt8]
    public let keyVersion: UInt32

    public init(caseID: [UInt8], kind: String, recordID: [UInt8], keyVersion: UInt32) {
        self.caseID = caseID
        self.kind = kind
        self.recordID = recordID
        self.keyVersion = keyVersion
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
        return bytes
    }
}

extension UInt32 {
    var bigEndianBytes: [UInt8] {
        [UInt8(truncatingIfNeeded: self >> 24), UInt8(truncatingIfNeeded: self >> 16),
         UInt8(truncatingIfNeeded: self >> 8), UInt8(truncatingIfNeeded: self)]
    }
}
