import Casework
import SichtbarCore

/// A member's own notification address, out of a read transaction.
struct MemberAddress: Sendable {
    let memberID: EntityID
    let address: EmailAddress
}
