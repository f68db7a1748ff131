import Sealing

extension RecordCodec {
    /// Seals raw bytes (a scanned file) rather than JSON: a JSON array of up to 10 MiB of numbers
    /// would be four times the size, and the file's media type is already on the sheet.
    public static func sealBytes(
        _ bytes: [UInt8], kind: RecordKind, caseID: EntityID, key: SecureBytes,
        recordID: EntityID = .random()
    ) throws -> SealedRecord {
        let ciphertext = try RecordCipher.seal(
            bytes, key: key,
            association: association(
                caseID: caseID, kind: kind, recordID: recordID,
                keyVersion: currentKeyVersion),
            blockSize: blockSize(for: kind))
        return SealedRecord(id: recordID, caseID: caseID, kind: kind, keyVersion: currentKeyVersion, ciphertext: ciphertext)
    }

    /// Opens what `sealBytes` made.
    public static func openBytes(_ record: SealedRecord, key: SecureBytes) throws -> [UInt8] {
        let plaintext = try RecordCipher.open(
            record.ciphertext, key: key,
            association: association(
                caseID: record.caseID, kind: record.kind, recordID: record.id,
                keyVersion: record.keyVersion))
        return plaintext.copyBytes()
    }

    static func association(caseID: EntityID, kind: RecordKind, recordID: EntityID, keyVersion: UInt32) -> RecordAssociation {
        RecordAssociation(caseID: caseID.bytes, kind: kind.rawValue, recordID: recordID.bytes, keyVersion: keyVersion)
    }
}
