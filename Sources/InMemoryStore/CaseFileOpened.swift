import Casework
import SichtbarCore

/// A case file read under the lock: a Sendable pair to carry out of it.
struct CaseFileOpened: Sendable {
    let row: CaseFileRow
    let records: [SealedRecord]
}
