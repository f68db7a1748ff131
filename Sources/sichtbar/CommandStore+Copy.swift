import SichtbarCore

/// The table-level operations of `store copy`, on whichever engine the store is.
extension CommandStore {
    func storeTables() async throws -> [String] {
        switch engine {
        case .sqlite(let database): return try await database.storeTables()
        case .postgres(let database): return try await database.storeTables()
        }
    }

    func exportTable(_ table: String) async throws -> CopiedTable {
        switch engine {
        case .sqlite(let database): return try await database.exportTable(table)
        case .postgres(let database): return try await database.exportTable(table)
        }
    }

    func rowCount(_ table: String) async throws -> Int {
        switch engine {
        case .sqlite(let database): return try await database.rowCount(table)
        case .postgres(let database): return try await database.rowCount(table)
        }
    }

    func importTables(_ tables: [CopiedTable]) async throws {
        switch engine {
        case .sqlite(let database): try await database.importTables(tables)
        case .postgres(let database): try await database.importTables(tables)
        }
    }

    /// Refuses unless this engine holds exactly the tables a copy carries.
    func requireCopyableTables(_ role: String) async throws {
        let tables = Set(try await storeTables())
        let expected = Set(CopiedTable.order)
        guard tables == expected else {
            throw CLIError.badInput(
                "\(role): the store's tables are not the ones a copy carries (unknown: \(tables.subtracting(expected).sorted()), "
                    + "missing: \(expected.subtracting(tables).sorted())); copy between stores of the same Sichtbar version")
        }
    }
}
