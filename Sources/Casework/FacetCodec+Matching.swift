import Foundation
import Sealing
import SichtbarCore

extension FacetCodec {
    /// Whether a sealed classification names `code`: as a code of any facet, a flag or its
    /// region. Searching the case list by category code asks this of up to 2,000 cases a page,
    /// and most do not match: the decrypted JSON is searched for the quoted code first (codes
    /// are ASCII snake_case, so JSON writes them as they are), and only a classification that
    /// contains it is decoded and checked field by field.
    public static func names(_ code: String, in sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> Bool {
        try names(anyOf: [code], in: sealed, officeID: officeID, key: key)
    }

    /// Whether it names any of `codes` (a search by label may name several: a parent and its subtypes).
    public static func names(anyOf codes: [String], in sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> Bool {
        let plaintext = try RecordCipher.open(
            sealed.ciphertext, key: key,
            association: association(
                officeID: officeID, month: sealed.month, id: sealed.id,
                keyVersion: sealed.keyVersion))
        let needles = codes.map { Array("\"\($0)\"".utf8) }
        let mentioned = plaintext.withUnsafeBytes { bytes in
            needles.contains { needle in
                bytes.count >= needle.count
                    && (0...(bytes.count - needle.count)).contains { start in
                        bytes[start] == needle[0] && needle.indices.allSatisfy { bytes[start + $0] == needle[$0] }
                    }
            }
        }
        guard mentioned else { return false }
        let classification = try plaintext.withUnsafeBytes { try JSONDecoder().decode(CaseClassification.self, from: Data($0)) }
        guard classification.month == sealed.month else { throw SealingError.authenticationFailed }
        let wanted = Set(codes)
        return classification.codes.values.contains { !wanted.isDisjoint(with: $0) } || !wanted.isDisjoint(with: classification.flags)
            || classification.region.map(wanted.contains) == true
    }
}
