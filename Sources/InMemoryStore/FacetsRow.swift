import SichtbarCore

/// A counsellor's sealed classification (`case_facets`): it outlives its case, whose id is then
/// cleared (`ON DELETE SET NULL`).
struct FacetsRow: Sendable {
    let id: EntityID
    var caseID: EntityID?
    let officeID: EntityID
    let month: String
    let keyVersion: UInt32
    let ciphertext: [UInt8]
}
