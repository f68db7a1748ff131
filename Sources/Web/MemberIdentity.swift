import Members

/// Who a member request comes from: the live session behind its token, and the token itself
/// (logging out ends exactly that session). Only ever in memory, for the one request.
public struct MemberIdentity: Sendable {
    public let token: String
    public let session: Session
}
