import Foundation
import Sealing
import SichtbarCore

/// Seals a classification under a statistics key, bound to its office, month, id and key
/// version, so no sealed classification can be moved to another office or month unnoticed.
/// New classifications are sealed in the binary format (`FacetPlaintext`); JSON ones from
/// before still open.
public enum FacetCodec {
    static func association(officeID: EntityID, month: String, id: EntityID, keyVersion: UInt32) -> RecordAssociation {
        RecordAssociation(caseID: officeID.bytes, kind: "facets:\(month)", recordID: id.bytes, keyVersion: keyVersion)
    }

    static func association(of sealed: SealedFacets, officeID: EntityID) -> RecordAssociation {
        association(officeID: officeID, month: sealed.month, id: sealed.id, keyVersion: sealed.keyVersion)
    }

    public static func seal(
        _ classification: CaseClassification, officeID: EntityID, id: EntityID = .random(), keyVersion: UInt32,
        key: SecureBytes
    ) throws -> SealedFacets {
        try seal(
            plaintext: FacetPlaintext.binary(classification), month: classification.month, officeID: officeID, id: id,
            keyVersion: keyVersion, key: key)
    }

    /// Seals a given plaintext (wiped afterwards), padded to the record block as every record is,
    /// so a ciphertext's length tells no more than its padding block.
    static func seal(
        plaintext: [UInt8], month: String, officeID: EntityID, id: EntityID, keyVersion: UInt32, key: SecureBytes
    ) throws -> SealedFacets {
        var plaintext = plaintext
        defer { Sodium.wipe(&plaintext) }
        let ciphertext = try RecordCipher.seal(
            plaintext, key: key, association: association(officeID: officeID, month: month, id: id, keyVersion: keyVersion))
        return SealedFacets(id: id, month: month, keyVersion: keyVersion, ciphertext: ciphertext)
    }

    public static func open(_ sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> CaseClassification {
        try openNotingFormat(sealed, officeID: officeID, key: key).classification
    }

    /// The classification and whether it was sealed in the binary format: a JSON one is sealed
    /// again (in binary) at its case's next transition, even when nothing in it changed.
    public static func openNotingFormat(
        _ sealed: SealedFacets, officeID: EntityID, key: SecureBytes
    ) throws -> (classification: CaseClassification, binary: Bool) {
        let (classification, binary) = try RecordCipher.open(
            sealed.ciphertext, key: key, association: association(of: sealed, officeID: officeID)
        ) { plaintext in
            (try FacetPlaintext.decode(plaintext), plaintext.first == FacetPlaintext.binaryFormat)
        }
        guard classification.month == sealed.month else { throw SealingError.authenticationFailed }
        return (classification, binary)
    }
}
