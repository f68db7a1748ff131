/// One month's number of contacts without a file, out of a read transaction.
struct TallyCount: Sendable {
    let month: String
    let count: Int
}
