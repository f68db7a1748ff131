import Foundation
import Sealing
import SichtbarCore

/// Seals a classification under a statistics key, bound to its office, month, id and key
/// version, so no sealed classification can be moved to another office or month unnoticed.
public enum FacetCodec {
    static func association(officeID: EntityID, month: String, id: EntityID, keyVersion: UInt32) -> RecordAssociation {
        RecordAssociation(caseID: officeID.bytes, kind: "facets:\(month)", recordID: id.bytes, keyVersion: keyVersion)
    }

    public static func seal(
        _ classification: CaseClassification, officeID: EntityID, id: EntityID = .random(), keyVersion: UInt32,
        key: SecureBytes
    ) throws -> SealedFacets {
        var json = Array(try JSONEncoder().encode(classification))
        defer { Sodium.wipe(&json) }
        let ciphertext = try RecordCipher.seal(
            json, key: key,
            association: association(
                officeID: officeID, month: classification.month,
                id: id, keyVersion: keyVersion))
        return SealedFacets(id: id, month: classification.month, keyVersion: keyVersion, ciphertext: ciphertext)
    }

    public static func open(_ sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> CaseClassification {
        let plaintext = try RecordCipher.open(
            sealed.ciphertext, key: key,
            association: association(
                officeID: officeID, month: sealed.month, id: sealed.id,
                keyVersion: sealed.keyVersion))
        let classification = try plaintext.withUnsafeBytes { try JSONDecoder().decode(CaseClassification.self, from: Data($0)) }
        guard classification.month == sealed.month else { throw SealingError.authenticationFailed }
        return classification
    }
}
