import SichtbarCore

/// Whether an intervention may happen with the documents on file: a result with its reason,
/// not a thrown error, so the engine and the case page can both ask.
public enum InterventionGate: Sendable, Equatable {
    case open
    /// The first requirement no document in force meets, with the documents of its type that
    /// are on file and why each does not fit (empty: there is none).
    case missing(DocumentRequirement, mismatches: [DocumentMismatch] = [])

    /// Checks every requirement of `intervention` (and, for a minor, those for minors) against
    /// the documents in force on `day` whose scope covers it and, where asked, that name `counterpart`.
    public static func check(
        _ intervention: InterventionType, counterpart: String?, documents: [CaseDocument],
        concernsMinor: Bool, on day: Day
    ) -> InterventionGate {
        let requirements = intervention.requires + (concernsMinor ? intervention.requiresForMinors : [])
        for requirement in requirements {
            let met = documents.contains { document in
                document.type == requirement.document && document.isInForce(on: day) && document.covers(intervention.code)
                    && (!requirement.namesCounterpart || counterpart.map(document.names) == true)
            }
            if !met {
                let mismatches = documents.filter { $0.type == requirement.document }.map { document in
                    DocumentMismatch(
                        type: document.type, counterpart: document.counterpart, signedOn: document.signedOn,
                        reasons: reasons(
                            document, intervention: intervention.code, requirement: requirement,
                            counterpart: counterpart, on: day))
                }
                return .missing(requirement, mismatches: mismatches)
            }
        }
        return .open
    }

    static func reasons(
        _ document: CaseDocument, intervention: String, requirement: DocumentRequirement, counterpart: String?,
        on day: Day
    ) -> [DocumentMismatch.Reason] {
        var reasons: [DocumentMismatch.Reason] = []
        if requirement.namesCounterpart && counterpart.map(document.names) != true { reasons.append(.otherParty(document.counterpart)) }
        if !document.covers(intervention) { reasons.append(.notInScope) }
        if let revoked = document.revokedOn, revoked <= day { reasons.append(.revoked(revoked)) }
        if document.signedOn > day { reasons.append(.signedLater(document.signedOn)) }
        return reasons
    }
}
