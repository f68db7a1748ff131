/// One table of a store as `sichtbar store copy` carries it from one engine to the other: the
/// columns both engines share, and every row. Values keep what both engines can hold: SQLite's
/// 0 and 1 become PostgreSQL's booleans and back by the target column's type.
public struct CopiedTable: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case boolean(Bool)
        case text(String)
        case bytes([UInt8])
    }

    public let name: String
    public let columns: [String]
    public var rows: [[Value]]

    public init(name: String, columns: [String], rows: [[Value]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Every table of the store, parents before children, so inserting in this order satisfies
    /// every foreign key. A table an engine has and this list lacks fails the copy (and a test),
    /// so a new table cannot be left behind silently.
    public static let order = [
        "office", "member", "office_key_seal", "invitation", "case_file", "mailbox", "record", "intake_month", "verband",
        "verband_key_seal", "key_rotation", "audit_event", "audit_head", "audit_pending", "audit_checkpoint", "case_assignee",
        "case_facets", "contact_tally", "stat_release", "stat_published", "stat_published_history", "key_manifest",
        "verband_manifest", "member_cover", "retention_dropped_year", "member_notify",
    ]

    /// Columns one engine keeps for itself: not copied, and made anew by the importing engine
    /// (SQLite's random slot of `record`, which decides nothing but where a row is stored).
    public static let engineColumns: [String: Set<String>] = ["record": ["slot"]]

    /// Whether `column` of `table` is carried by a copy.
    public static func isCopied(_ column: String, of table: String) -> Bool {
        !(engineColumns[table]?.contains(column) ?? false)
    }
}

/// A copy that cannot be written as it is: tables or columns that do not match, a value that
/// does not fit its column. Nothing of it was written.
public struct StoreCopyError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
