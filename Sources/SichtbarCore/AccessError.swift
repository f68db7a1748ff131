/// Why a member request was refused. The web layer maps each to one HTTP answer.
public enum AccessError: Error, Sendable, Equatable {
    /// Wrong username or passphrase, or no live session: all alike.
    case unauthorized
    /// Not there for this member: a foreign office, a missing member or case, or a route their
    /// role does not reach all answer the same.
    case notFound
    /// Argon2id capacity exhausted: try again shortly.
    case busy
    /// Too many login attempts for this username or from this address just now: try again in
    /// a few seconds. Answered alike whether the username exists or not.
    case throttled
    /// The member's keys for what was asked are not (yet) sealed to them.
    case keysUnavailable
    /// The office's keys differ from its authenticated manifest: nothing is sealed until a lead
    /// has looked (the alarm is in the audit trail and on the lead's pages).
    case keyIntegrity(String)
}
