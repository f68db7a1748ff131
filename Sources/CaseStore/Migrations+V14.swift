extension Migrations {
    /// v14: `record` becomes a rowid table keyed by a random 63-bit `slot`. As an index-organised
    /// (WITHOUT ROWID) table its interior pages carried whole rows of about a kilobyte of padded
    /// ciphertext, four to a page: every insert walked a deep tree and spilled to overflow pages.
    /// A rowid table's interior cells are a child pointer and a slot, hundreds to a page. The slot
    /// is drawn at random for every record (and for the rows copied here), so row order still
    /// reveals nothing about arrival; records are found by `id` through `record_by_id`.
    static let v14 = """
        CREATE TABLE record_v14 (
            slot INTEGER PRIMARY KEY,
            id BLOB NOT NULL CHECK (length(id) = 16),
            case_id BLOB NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key_version INTEGER NOT NULL,
            ciphertext BLOB NOT NULL,
            pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
        );
        INSERT INTO record_v14 (slot, id, case_id, kind, key_version, ciphertext, pending)
            SELECT random(), id, case_id, kind, key_version, ciphertext, pending FROM record;
        DROP TABLE record;
        ALTER TABLE record_v14 RENAME TO record;
        CREATE UNIQUE INDEX record_by_id ON record(id);
        CREATE INDEX record_by_case ON record(case_id, kind);
        """
}
