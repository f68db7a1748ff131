import Foundation
import Sealing
import SichtbarCore

extension FacetCodec {
    /// Whether a sealed classification names `code`: as a code of any facet, a flag or its
    /// region. Searching the case list by category code asks this of up to 2,000 cases a page,
    /// and most do not match. A binary classification is cheap to decode and is checked field by
    /// field; in a JSON one the quoted code is searched first (codes are ASCII snake_case, so
    /// JSON writes them as they are), and only one that contains it is decoded.
    public static func names(_ code: String, in sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> Bool {
        try names(anyOf: [code], in: sealed, officeID: officeID, key: key)
    }

    /// Whether it names any of `codes` (a search by label may name several: a parent and its subtypes).
    public static func names(anyOf codes: [String], in sealed: SealedFacets, officeID: EntityID, key: SecureBytes) throws -> Bool {
        let needles = codes.map { Array("\"\($0)\"".utf8) }
        let classification = try RecordCipher.open(
            sealed.ciphertext, key: key, association: association(of: sealed, officeID: officeID)
        ) { bytes -> CaseClassification? in
            if bytes.first == FacetPlaintext.binaryFormat { return try FacetPlaintext.decode(bytes) }
            let mentioned = needles.contains { needle in
                bytes.count >= needle.count
                    && (0...(bytes.count - needle.count)).contains { start in
                        bytes[start] == needle[0] && needle.indices.allSatisfy { bytes[start + $0] == needle[$0] }
                    }
            }
            return mentioned ? try FacetPlaintext.decode(bytes) : nil
        }
        guard let classification else { return false }
        guard classification.month == sealed.month else { throw SealingError.authenticationFailed }
        let wanted = Set(codes)
        return classification.codes.values.contains { !wanted.isDisjoint(with: $0) } || !wanted.isDisjoint(with: classification.flags)
            || classification.region.map(wanted.contains) == true
    }
}
