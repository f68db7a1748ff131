import Casework
import SichtbarCore

/// A contact without a file (`contact_tally`).
struct TallyRow: Sendable {
    let id: EntityID
    let officeID: EntityID
    let tally: ContactTally
}
