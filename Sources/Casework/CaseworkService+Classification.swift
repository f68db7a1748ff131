import Foundation
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// The counsellor's classification of a case, opened with the office statistics key.
    func classification(of row: CaseFileRow, session: Session) async throws -> CaseClassification? {
        guard let sealed = try await store.facets(caseID: row.id, officeID: row.officeID) else { return nil }
        let secrets = try await latestSecrets(session)
        guard let key = secrets.statisticsKey(version: sealed.keyVersion) else { throw AccessError.keysUnavailable }
        return try FacetCodec.open(sealed, officeID: row.officeID, key: key)
    }

    /// The office secrets of the office's current key version: their ring holds every statistics key.
    func latestSecrets(_ session: Session) async throws -> OfficeSecrets {
        let officeID = try officeID(of: session)
        guard let office = try await members.store.office(id: officeID) else { throw AccessError.notFound }
        return try await session.officeSecrets(version: office.keyVersion, store: members.store)
    }

    /// Writes the counsellor's classification (`PUT …/classification`): every code checked
    /// against the taxonomy, sealed under the newest statistics key, filed under the month the
    /// case was received.
    public func classify(_ id: EntityID, codes: [String: [String]], flags: [String], region: String?, by session: Session) async throws {
        for (facetKey, values) in codes {
            guard let facet = taxonomy.facet(facetKey) else {
                throw FieldError.invalid(field: facetKey, message: "'\(facetKey)' is not a facet of the taxonomy")
            }
            if !facet.multiValued && values.count > 1 {
                throw FieldError.invalid(field: facetKey, message: "'\(facetKey)' takes one code, not \(values.count)")
            }
            for value in values where facet.code(value) == nil {
                throw FieldError.invalid(field: facetKey, message: "'\(value)' is not a code of '\(facetKey)'")
            }
            if Set(values).count != values.count { throw FieldError.invalid(field: facetKey, message: "'\(facetKey)' repeats a code") }
        }
        for flag in flags where taxonomy.flags[flag] == nil {
            throw FieldError.invalid(field: "flags", message: "'\(flag)' is not a flag of the taxonomy")
        }
        if let region, taxonomy.region(region) == nil {
            throw FieldError.invalid(field: "region", message: "'\(region)' is not a region of the taxonomy")
        }
        let cleaned = codes.filter { !$0.value.isEmpty }
        let latest = try await latestSecrets(session)
        try await change(id, by: session) { sheet, row, _ in
            guard let key = latest.statisticsKey(version: latest.version) else { throw AccessError.keysUnavailable }
            let classification = CaseClassification(
                taxonomy: taxonomy.version, month: row.receivedOn.monthKey, kind: row.kind,
                codes: cleaned, flags: flags.sorted(), region: region
            )
            .counting(sheet: sheet, state: sheet.state(kind: row.kind, step: row.step), policy: policy)
            // The legal fields follow the classification (unless a counsellor set them by hand).
            sheet.classifiedFields = policy.classifiedFields(areas: cleaned["area"] ?? [], forms: cleaned["form"] ?? [], taxonomy: taxonomy)
            let sealed = try FacetCodec.seal(classification, officeID: row.officeID, keyVersion: latest.version, key: key)
            return CaseChange(
                entries: [entry(.classification, by: session)], audit: [.member(session.username, .caseClassified, row.id.hex, at: now())],
                facets: sealed)
        }
    }
}
