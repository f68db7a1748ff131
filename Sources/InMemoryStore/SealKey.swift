import SichtbarCore

/// The primary key of `office_key_seal`.
struct SealKey: Hashable, Sendable {
    let officeID: EntityID
    let version: UInt32
    let recipient: String
    let purpose: OfficeKeySeal.Purpose
}
