import Foundation
import Sealing

/// Seals and opens typed record payloads (JSON inside the AEAD) for one case.
public enum RecordCodec {
    /// Padding block per kind: reports and letters are long, so they pad to larger blocks; a
    /// scan pads to 64 KiB, so its ciphertext tells the operator its size only roughly.
    static func blockSize(for kind: RecordKind) -> Int {
        switch kind {
        case .report, .letter: return 1024
        case .documentFile, .reporterFile: return 64 * 1024
        case .message, .contact, .sheet, .entry: return RecordCipher.defaultBlockSize
        }
    }

    /// The version of the record keys; it changes only if a case's keys are ever replaced.
    public static let currentKeyVersion: UInt32 = 1

    /// - Parameter revision: for a case sheet, the case revision it is written at (bound into the
    ///   associated data, so an older sheet cannot be put back); nil for every other record.
    public static func seal(
        _ value: some Encodable, kind: RecordKind, caseID: EntityID, key: SecureBytes,
        recordID: EntityID = .random(), revision: Int? = nil
    ) throws -> SealedRecord {
        var json = try (value as? any JSONPlaintext).map { JSONPlaintextWriter.bytes(of: $0) } ?? Array(JSONEncoder().encode(value))
        defer { Sodium.wipe(&json) }
        let association = RecordAssociation(
            caseID: caseID.bytes, kind: kind.rawValue, recordID: recordID.bytes,
            keyVersion: currentKeyVersion, revision: revision.map { UInt64(max($0, 0)) })
        let ciphertext = try RecordCipher.seal(json, key: key, association: association, blockSize: blockSize(for: kind))
        return SealedRecord(id: recordID, caseID: caseID, kind: kind, keyVersion: currentKeyVersion, ciphertext: ciphertext)
    }

    /// - Parameter revision: the revision a sheet must have been written at; nil for other
    ///   records and for sheets of cases that have no authenticator yet.
    public static func open<Value: Decodable>(
        _ record: SealedRecord, as type: Value.Type, key: SecureBytes,
        revision: Int? = nil
    ) throws -> Value {
        let association = RecordAssociation(
            caseID: record.caseID.bytes, kind: record.kind.rawValue,
            recordID: record.id.bytes, keyVersion: record.keyVersion,
            revision: revision.map { UInt64(max($0, 0)) })
        let plaintext = try RecordCipher.open(record.ciphertext, key: key, association: association)
        return try plaintext.withUnsafeBytes { buffer in
            try JSONDecoder().decode(Value.self, from: Data(buffer))
        }
    }
}
