import SichtbarCore

/// Someone a case deals with: the other side (a landlord, an employer, a school), or a third
/// party (a works council, an authority asked for a statement). Recorded once on the case and
/// then chosen from a list, so a Vollmacht for "Wohnraum24 GmbH" and a letter to "Wohnraum24"
/// cannot silently name two different parties. Sealed in the sheet.
public struct CaseParty: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The side the discrimination came from.
        case gegenseite
        /// Someone else the office deals with for the person.
        case dritte
    }

    public let id: EntityID
    public var name: String
    public var role: Role
    /// The party may be named in the answer to the person's access request (Art. 15 DSGVO);
    /// otherwise it is a third party's data and left out. Nil in parties from before.
    public var shareable: Bool?

    public init(id: EntityID = .random(), name: String, role: Role, shareable: Bool = false) {
        self.id = id
        self.name = name
        self.role = role
        self.shareable = shareable
    }
}
