/// A person a Beratungsfall is for; a case may have several. Sealed with the case sheet.
public struct AffectedPerson: Sendable, Equatable, Codable {
    /// How the counsellors refer to the person (a first name, a pseudonym, "Person 2").
    public var label: String
    /// Interventions for a minor also need the consent of the Sorgeberechtigte.
    public var minor: Bool

    public init(label: String, minor: Bool) {
        self.label = label
        self.minor = minor
    }
}
