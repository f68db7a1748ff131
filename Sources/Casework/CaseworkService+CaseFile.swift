import Foundation
import Members
import SichtbarCore

/// What a printable case file is for: the office's own records (everything), or the answer to
/// the person's access request under Art. 15 DSGVO (their own data; third parties' only where
/// marked shareable; no internal history).
public enum CaseFilePurpose: String, Sendable, CaseIterable {
    case akte
    case auskunft
}

extension CaseworkService {
    /// The case opened for a printable case file; making it is audited with its purpose.
    public func caseFile(_ id: EntityID, purpose: CaseFilePurpose, by session: Session) async throws -> CaseView {
        let view = try await open(id, for: session)
        try await members.record(session, .caseFilePrinted, "\(id.hex) \(purpose.rawValue)")
        return view
    }
}
