import SichtbarCore

/// A case read for a member and checked against its authenticator: what every open and every
/// change starts from.
struct OpenedCase {
    let row: CaseFileRow
    /// Every record but the sheet (scans and letters without their bodies).
    let records: [SealedRecord]
    let keys: CaseKeys
    let sheet: CaseSheet
    /// Reporter messages checked (they open under the mailbox key, bound to this case, and were
    /// written by the reporter) but not yet covered by the authenticator.
    let pending: [EntityID]
    /// A case from before authenticators, trusted as found (first use).
    let firstUse: Bool

    /// Whether the authenticator must catch up although nothing else changes.
    var needsSeal: Bool { firstUse || !pending.isEmpty || !keys.requiresAuthenticator }

    /// The records the authenticator covers once `pending` is folded in, with `sheet` as the sheet.
    func entries(sheet: SealedRecord?, adding added: [SealedRecord] = [], removing removed: [EntityID] = []) -> [CaseIntegrity.Entry] {
        let gone = Set(removed)
        return (records + added).filter { !gone.contains($0.id) }.map(CaseIntegrity.Entry.init)
            + (sheet.map { [CaseIntegrity.Entry($0)] } ?? [])
    }
}
