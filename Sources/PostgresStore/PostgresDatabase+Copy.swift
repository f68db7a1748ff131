import Foundation
import PostgresNIO
import SichtbarCore

/// `sichtbar store copy` on PostgreSQL: every table out as `CopiedTable`s, and in again in one
/// transaction. Rows leave in primary-key order and are written in the order they come, so a
/// copy's heap follows random ids, not the order rows once arrived in.
extension PostgresDatabase {
    /// The tables of the engine's schema that hold Sichtbar's data (not the migrations' own).
    public func storeTables() async throws -> [String] {
        try await read { session in
            try await session.rows(
                """
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
                ORDER BY table_name
                """
            ).map { try $0.string(0) }
        }
    }

    /// `table`'s copied columns and every row, from one snapshot.
    public func exportTable(_ table: String) async throws -> CopiedTable {
        try Self.requireKnown(table)
        return try await read { session in
            let columns = try await Self.columns(of: table, session).filter { CopiedTable.isCopied($0.name, of: table) }
            let key = try await Self.primaryKey(of: table, session)
            let order = key.isEmpty ? "" : " ORDER BY " + key.map { "\"\($0)\"" }.joined(separator: ", ")
            let sql = "SELECT " + columns.map { "\"\($0.name)\"" }.joined(separator: ", ") + " FROM \"\(table)\"" + order
            let rows = try await session.rows(PostgresQuery(unsafeSQL: sql))
            return CopiedTable(
                name: table, columns: columns.map(\.name),
                rows: try rows.map { row in try columns.indices.map { try Self.value(row, $0, type: columns[$0].type) } })
        }
    }

    /// How many rows `table` holds.
    public func rowCount(_ table: String) async throws -> Int {
        try Self.requireKnown(table)
        return try await read { session in try await session.count(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(table)\"")) }
    }

    /// Writes `tables` (in `CopiedTable.order`) in one transaction: all of them or nothing.
    /// Every column of the target must be carried; each value is bound as its column's type.
    public func importTables(_ tables: [CopiedTable]) async throws {
        try await write { session in
            for table in tables {
                try Self.requireKnown(table.name)
                let own = try await Self.columns(of: table.name, session)
                let types = Dictionary(own.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
                let missing = Set(own.map(\.name)).subtracting(table.columns)
                let unknown = Set(table.columns).subtracting(own.map(\.name))
                guard missing.isEmpty, unknown.isEmpty else {
                    throw StoreCopyError(
                        "\(table.name): columns do not match (missing \(missing.sorted()), unknown \(unknown.sorted()))")
                }
                let columnTypes = table.columns.map { types[$0] ?? "text" }
                // PostgreSQL takes at most 65,535 parameters in one statement.
                let perStatement = max(1, min(500, 60_000 / max(1, table.columns.count)))
                var start = table.rows.startIndex
                while start < table.rows.endIndex {
                    let end = min(start + perStatement, table.rows.endIndex)
                    var bindings = PostgresBindings(capacity: (end - start) * table.columns.count)
                    var tuples: [String] = []
                    for row in table.rows[start..<end] {
                        var placeholders: [String] = []
                        for (value, type) in zip(row, columnTypes) {
                            try Self.bind(value, as: type, into: &bindings, table: table.name)
                            placeholders.append("$\(bindings.count)")
                        }
                        tuples.append("(" + placeholders.joined(separator: ", ") + ")")
                    }
                    let sql =
                        "INSERT INTO \"\(table.name)\" (" + table.columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
                        + tuples.joined(separator: ", ")
                    try await session.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
                    start = end
                }
            }
        }
    }

    static func requireKnown(_ table: String) throws {
        guard CopiedTable.order.contains(table) else { throw StoreCopyError("\(table) is not a table of the store") }
    }

    private static func columns(of table: String, _ session: PostgresSession) async throws -> [(name: String, type: String)] {
        try await session.rows(
            """
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """
        ).map { (try $0.string(0), try $0.string(1)) }
    }

    private static func primaryKey(of table: String, _ session: PostgresSession) async throws -> [String] {
        try await session.rows(
            """
            SELECT a.attname::text FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(\(table))) AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """
        ).map { try $0.string(0) }
    }

    private static func value(_ row: PostgresColumns, _ index: Int, type: String) throws -> CopiedTable.Value {
        switch type {
        case "bytea": return try row.optionalBytes(index).map(CopiedTable.Value.bytes) ?? .null
        case "bigint", "integer", "smallint": return try row.row[index].decode(Int64?.self).map(CopiedTable.Value.integer) ?? .null
        case "boolean": return try row.row[index].decode(Bool?.self).map(CopiedTable.Value.boolean) ?? .null
        default: return try row.optionalString(index).map(CopiedTable.Value.text) ?? .null
        }
    }

    private static func bind(_ value: CopiedTable.Value, as type: String, into bindings: inout PostgresBindings, table: String) throws {
        switch (value, type) {
        case (.null, _): bindings.appendNull()
        case (.bytes(let bytes), "bytea"): bindings.append(ByteBuffer(bytes: bytes))
        case (.integer(let number), "bigint"), (.integer(let number), "integer"), (.integer(let number), "smallint"):
            bindings.append(number)
        case (.integer(let number), "boolean") where number == 0 || number == 1: bindings.append(number == 1)
        case (.boolean(let flag), "boolean"): bindings.append(flag)
        case (.boolean(let flag), "bigint"): bindings.append(Int64(flag ? 1 : 0))
        case (.text(let text), "text"): bindings.append(text)
        default: throw StoreCopyError("\(table): a value does not fit a \(type) column")
        }
    }
}
