extension Migrations {
    /// v7: case integrity. `case_file.integrity` holds the case's authenticator (a MAC under a
    /// key derived from the case key over case id, revision and the ids of its records); NULL
    /// for a case from before it, which gets one on its next open by a counsellor.
    /// `record.pending` marks a record the reporter added (with the mailbox key only) that the
    /// authenticator does not cover yet.
    static let v7 = """
        ALTER TABLE case_file ADD COLUMN integrity BLOB;
        ALTER TABLE record ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1));
        """

    /// v8: every publication the Verband ever made, replaced ones included. What was published
    /// stays public, so disclosure control protects a new publication together with all of
    /// them (the year's, its quarters', earlier ones of the same period); the publications
    /// already kept are copied in.
    static let v8 = """
        CREATE TABLE stat_published_history (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
            published_at TEXT NOT NULL,
            release_count INTEGER NOT NULL CHECK (release_count > 0),
            file BLOB NOT NULL
        );
        INSERT INTO stat_published_history (period, published_at, release_count, file)
            SELECT period, published_at, release_count, file FROM stat_published ORDER BY published_at;
        """

    /// v9: the fallback office. Reports from a region no office serves go to the office the
    /// operator marks; the partial unique index lets at most one office be marked.
    static let v9 = """
        ALTER TABLE office ADD COLUMN is_fallback INTEGER NOT NULL DEFAULT 0 CHECK (is_fallback IN (0, 1));
        CREATE UNIQUE INDEX office_one_fallback ON office (is_fallback) WHERE is_fallback = 1;
        """

    /// v10: a reporter's unread message or file. Set when the reporter adds one through the
    /// mailbox, cleared when a counsellor marks it read; the list shows it and sorts by it.
    /// The operator already sees that a record was added to a case, so the flag tells nothing new.
    static let v10 = """
        ALTER TABLE case_file ADD COLUMN reporter_unread INTEGER NOT NULL DEFAULT 0 CHECK (reporter_unread IN (0, 1));
        CREATE INDEX case_file_unread ON case_file(office_id) WHERE reporter_unread = 1;
        """

    /// v11: covers (Vertretungen). While a member is away, another sees and works the cases the
    /// absent one is assigned to; one cover per absent member at a time.
    static let v11 = """
        CREATE TABLE member_cover (
            absent_id BLOB PRIMARY KEY NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            office_id BLOB NOT NULL REFERENCES office(id),
            cover_id BLOB NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            from_day TEXT NOT NULL,
            until_day TEXT NOT NULL,
            CHECK (absent_id != cover_id),
            CHECK (from_day <= until_day)
        ) WITHOUT ROWID;
        CREATE INDEX member_cover_by_cover ON member_cover(cover_id);
        """

    /// v12: retention. The plaintext the daily retention run decides on: the day of a case's
    /// first classification (a Meldung goes some months after it), the day deletion was requested
    /// (carried out within the Art. 12 (3) DSGVO month), and a legal hold that suspends both.
    /// Cases classified or in a deletion request before this migration did not keep their day:
    /// the day of the upgrade stands in, which can only delete later than promised, never
    /// earlier. `retention_dropped_year` remembers the years whose deleted cases'
    /// classifications were dropped after the year's release, so no quarter of it is computed
    /// without them afterwards.
    static let v12 = """
        ALTER TABLE case_file ADD COLUMN classified_on TEXT;
        ALTER TABLE case_file ADD COLUMN deletion_requested_on TEXT;
        ALTER TABLE case_file ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
        UPDATE case_file SET classified_on = date('now')
            WHERE EXISTS (SELECT 1 FROM case_facets f WHERE f.case_id = case_file.id);
        UPDATE case_file SET deletion_requested_on = coalesce(withdrawn_on, date('now')) WHERE step = 'loeschung_beantragt';

        CREATE TABLE retention_dropped_year (
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            year TEXT NOT NULL CHECK (year GLOB '[0-9][0-9][0-9][0-9]'),
            PRIMARY KEY (office_id, year)
        ) WITHOUT ROWID;
        """

    /// v13: notifications. A member's own address, told (without content) that something waits in
    /// the cases they are assigned to. The office's notification address is in its profile.
    static let v13 = """
        CREATE TABLE member_notify (
            member_id BLOB PRIMARY KEY NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254 AND address NOT GLOB '*[ ,<>' || char(10) || char(13) || ']*')
        ) WITHOUT ROWID;
        """
}
