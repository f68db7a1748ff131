import Casework
import SichtbarCore

/// A case with its records, as one value out of a read transaction.
struct CaseFileOpened: Sendable {
    let row: CaseFileRow
    let records: [SealedRecord]
}
