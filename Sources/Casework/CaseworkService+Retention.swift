import Members
import SichtbarCore

/// The legal hold: while court proceedings are pending, the retention run deletes nothing of the
/// case (Art. 17 (3) e DSGVO). Any member who works the case may set or lift it; both are audited.
extension CaseworkService {
    public func setLegalHold(_ id: EntityID, hold: Bool, by session: Session) async throws {
        // A flag on plaintext: the access check is enough, no keys are opened.
        let (row, _) = try await load(id, for: session)
        guard row.legalHold != hold else { return }
        try await store.setLegalHold(
            caseID: id, officeID: row.officeID, hold: hold,
            audit: .member(session.username, hold ? .legalHoldSet : .legalHoldLifted, id.hex, at: now()))
    }
}
