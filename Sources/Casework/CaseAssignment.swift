import SichtbarCore

/// A member assigned to a case: the counsellor in charge, a co-counsellor, or a stand-in.
public struct CaseAssignment: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case beratung
        case coBeratung = "co_beratung"
        case vertretung
    }

    public let memberID: EntityID
    public let username: String
    public let role: Role

    public init(memberID: EntityID, username: String, role: Role) {
        self.memberID = memberID
        self.username = username
        self.role = role
    }
}
