import Foundation
import GRDB
import SichtbarCore

/// `sichtbar store copy` on SQLite: every table out as `CopiedTable`s, and in again in one
/// transaction. Rows leave in primary-key order, so the order a copy is written in follows
/// random ids and tells nothing about when a row arrived.
extension AppDatabase {
    /// The tables of this database that hold Sichtbar's data (not the migrator's own, not SQLite's).
    public func storeTables() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name
                    """)
        }
    }

    /// `table`'s copied columns and every row, from one consistent read.
    public func exportTable(_ table: String) async throws -> CopiedTable {
        try Self.requireKnown(table)
        return try await writer.read { db in
            let columns = try db.columns(in: table).map(\.name).filter { CopiedTable.isCopied($0, of: table) }
            // A key of the engine's own (a record's slot) gives way to the id both engines share.
            var key = try db.primaryKey(table).columns.filter { CopiedTable.isCopied($0, of: table) }
            if key.isEmpty, columns.contains("id") { key = ["id"] }
            let order = key.isEmpty ? "" : " ORDER BY " + key.map { "\"\($0)\"" }.joined(separator: ", ")
            let sql = "SELECT " + columns.map { "\"\($0)\"" }.joined(separator: ", ") + " FROM \"\(table)\"" + order
            var rows: [[CopiedTable.Value]] = []
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                rows.append((0..<columns.count).map { Self.value(row[$0] as DatabaseValue) })
            }
            return CopiedTable(name: table, columns: columns, rows: rows)
        }
    }

    /// How many rows `table` holds.
    public func rowCount(_ table: String) async throws -> Int {
        try Self.requireKnown(table)
        return try await writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
    }

    /// Writes `tables` (in `CopiedTable.order`) in one transaction: all of them or nothing.
    /// Every column of the target must be carried, but for the engine's own (a record's slot,
    /// drawn at random here as intake draws it).
    public func importTables(_ tables: [CopiedTable]) async throws {
        try await writer.write { db in
            for table in tables {
                try Self.requireKnown(table.name)
                let own = try db.columns(in: table.name).map(\.name)
                let generated = own.filter { !CopiedTable.isCopied($0, of: table.name) }
                let missing = Set(own).subtracting(generated).subtracting(table.columns)
                let unknown = Set(table.columns).subtracting(own)
                guard missing.isEmpty, unknown.isEmpty else {
                    throw StoreCopyError(

                        "\(table.name): columns do not match (missing \(missing.sorted()), unknown \(unknown.sorted()))")
                }
                let names = table.columns + generated
                let statement = try db.makeStatement(
                    sql: "INSERT INTO \"\(table.name)\" (" + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES ("
                        + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")")
                for row in table.rows {
                    var values = row.map(Self.databaseValue)
                    values += generated.map { _ in Int64.random(in: 0...Int64.max).databaseValue }
                    try statement.execute(arguments: StatementArguments(values))
                }
            }
        }
    }

    static func requireKnown(_ table: String) throws {
        guard CopiedTable.order.contains(table) else { throw StoreCopyError("\(table) is not a table of the store") }
    }

    static func value(_ value: DatabaseValue) -> CopiedTable.Value {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        // No column of the store holds a real; one would be refused by the target's types.
        case .double(let number): return .text(String(number))
        case .string(let text): return .text(text)
        case .blob(let data): return .bytes([UInt8](data))
        }
    }

    static func databaseValue(_ value: CopiedTable.Value) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .boolean(let flag): return (flag ? 1 : 0).databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let bytes): return Data(bytes).databaseValue
        }
    }
}
