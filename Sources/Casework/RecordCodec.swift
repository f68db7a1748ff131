import Foundation
import Sealing

/// Seals and opens typed record payloads (JSON inside the AEAD) for one case.
public enum RecordCodec {
    /// Padding block per kind: reports and letters are long, so they pad to larger blocks; a
    /// scan pads to 64 KiB, so its ciphertext tells the operator its size only roughly.
    static func blockSize(for kind: RecordKind) -> Int {
        switch kind {
        case .report, .letter: return 1024
        case .documentFile: return 64 * 1024
        case .message, .contact, .sheet, .entry: return RecordCipher.defaultBlockSize
        }
    }

    /// The version of the record keys; it changes only if a case's keys are ever replaced.
    public static let currentKeyVersion: UInt32 = 1

    public static func seal(_ value: some Encodable, kind: RecordKind, caseID: EntityID, key: SecureBytes,
                            recordID: EntityID = .random()) throws -> SealedRecord {
        var json = Array(try JSONEncoder().encode(value))
        defer { Sodium.wipe(&json) }
        let association = RecordAssociation(caseID: caseID.bytes, kind: kind.rawValue, recordID: recordID.bytes,
                                            keyVersion: currentKeyVersion)
        let ciphertext = try RecordCipher.seal(json, key: key, association: association, blockSize: blockSize(for: kind))
        return SealedRecord(id: recordID, caseID: caseID, kind: kind, keyVersion: currentKeyVersion, ciphertext: ciphertext)
    }

    public static func open<Value: Decodable>(_ record: SealedRecord, as type: Value.Type, key: SecureBytes) throws -> Value {
        let association = RecordAssociation(caseID: record.caseID.bytes, kind: record.kind.rawValue,
                                            recordID: record.id.bytes, keyVersion: record.keyVersion)
        let plaintext = try RecordCipher.open(record.ciphertext, key: key, association: association)
        return try plaintext.withUnsafeBytes { buffer in
            try JSONDecoder().decode(Value.self, from: Data(buffer))
        }
    }
}
