import GRDB

/// The schema, as frozen SQL strings: once a migration has shipped it never changes; a change
/// is a new migration (appended to `ordered`, its SQL in the newest `Migrations+` file). Each has a
/// test in CaseStoreTests.
enum Migrations {
    /// Every migration in the order it shipped; a new one is appended, never inserted.
    static let ordered: [(name: String, sql: String)] = [
        ("v1", v1),
        ("v2", v2),
        ("v3", v3),
        ("v4", v4),
        ("v5", v5),
        ("v6", v6),
        ("v7", v7),
        ("v8", v8),
        ("v9", v9),
        ("v10", v10),
        ("v11", v11),
        ("v12", v12),
        ("v13", v13),
        ("v14", v14),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in ordered {
            migrator.registerMigration(name) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
