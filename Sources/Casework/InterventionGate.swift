/// Whether an intervention may happen with the documents on file: a result with its reason,
/// not a thrown error, so the engine and the case page can both ask.
public enum InterventionGate: Sendable, Equatable {
    case open
    /// The first requirement no document in force meets.
    case missing(DocumentRequirement)

    /// Checks every requirement of `intervention` (and, for a minor, those for minors) against
    /// the documents in force on `day` whose scope covers it and, where asked, that name `counterpart`.
    public static func check(_ intervention: InterventionType, counterpart: String?, documents: [CaseDocument],
                             concernsMinor: Bool, on day: Day) -> InterventionGate {
        let requirements = intervention.requires + (concernsMinor ? intervention.requiresForMinors : [])
        for requirement in requirements {
            let met = documents.contains { document in
                document.type == requirement.document && document.isInForce(on: day) && document.covers(intervention.code)
                    && (!requirement.namesCounterpart || counterpart.map(document.names) == true)
            }
            if !met { return .missing(requirement) }
        }
        return .open
    }
}
