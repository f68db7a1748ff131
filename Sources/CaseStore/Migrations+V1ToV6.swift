extension Migrations {
    /// v1: offices, members, sealed office keys, invitations, cases, mailboxes, records, and the
    /// plaintext monthly count of unclassified reports. Ids are random 16-byte blobs in
    /// WITHOUT ROWID tables, so no hidden rowid records arrival order.
    static let v1 = """
        CREATE TABLE office (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            position INTEGER NOT NULL UNIQUE,
            name TEXT NOT NULL,
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            key_version INTEGER NOT NULL,
            recovery_public_key BLOB NOT NULL CHECK (length(recovery_public_key) = 32),
            profile TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE member (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            username TEXT NOT NULL UNIQUE,
            office_id BLOB REFERENCES office(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('counsellor', 'lead', 'analyst')),
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            wrapped_secret TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE office_key_seal (
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            key_version INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            purpose TEXT NOT NULL CHECK (purpose IN ('office_secret', 'statistics')),
            sealed BLOB NOT NULL,
            PRIMARY KEY (office_id, key_version, recipient, purpose)
        ) WITHOUT ROWID;

        CREATE TABLE invitation (
            token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
            office_id BLOB REFERENCES office(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('counsellor', 'lead', 'analyst')),
            expires_at INTEGER NOT NULL,
            wrapped_secrets BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE case_file (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            office_id BLOB NOT NULL REFERENCES office(id),
            office_key_version INTEGER NOT NULL,
            sealed_keys BLOB NOT NULL,
            kind TEXT NOT NULL,
            step TEXT NOT NULL,
            channel TEXT NOT NULL,
            received_on TEXT NOT NULL,
            touched INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX case_file_by_office_step ON case_file(office_id, step);

        CREATE TABLE mailbox (
            lookup_id BLOB PRIMARY KEY NOT NULL CHECK (length(lookup_id) = 16),
            case_id BLOB NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
            wrapped_key BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE record (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            case_id BLOB NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key_version INTEGER NOT NULL,
            ciphertext BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX record_by_case ON record(case_id, kind);

        CREATE TABLE intake_month (
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month TEXT NOT NULL,
            unclassified INTEGER NOT NULL CHECK (unclassified >= 0),
            PRIMARY KEY (office_id, month)
        ) WITHOUT ROWID;
        """

    /// v2: the Verband and its sealed key, running key rotations, and the audit chains with
    /// their signed heads and daily checkpoints. Reporter-side events wait in `audit_pending`
    /// (and received reports are marked in `case_file.intake_audited`) until their day is over,
    /// so their place in the chain tells no more than their day.
    static let v2 = """
        CREATE TABLE verband (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            name TEXT NOT NULL,
            public_key BLOB NOT NULL CHECK (length(public_key) = 32)
        ) WITHOUT ROWID;

        CREATE TABLE verband_key_seal (
            member_id BLOB PRIMARY KEY NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            sealed BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE key_rotation (
            office_id BLOB PRIMARY KEY NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            from_version INTEGER NOT NULL,
            to_version INTEGER NOT NULL CHECK (to_version = from_version + 1),
            started_at INTEGER NOT NULL,
            started_by TEXT NOT NULL
        ) WITHOUT ROWID;

        ALTER TABLE case_file ADD COLUMN intake_audited INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX case_file_by_office_version ON case_file(office_id, office_key_version);

        CREATE TABLE audit_event (
            chain BLOB NOT NULL CHECK (length(chain) = 16),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            PRIMARY KEY (chain, seq)
        ) WITHOUT ROWID;

        CREATE TABLE audit_head (
            chain BLOB PRIMARY KEY NOT NULL CHECK (length(chain) = 16),
            seq INTEGER NOT NULL,
            hash BLOB NOT NULL,
            signature BLOB NOT NULL,
            flushed_before TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;

        CREATE TABLE audit_pending (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            chain BLOB NOT NULL,
            day TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE audit_checkpoint (
            chain BLOB NOT NULL,
            day TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash BLOB NOT NULL,
            signature BLOB NOT NULL,
            PRIMARY KEY (chain, day)
        ) WITHOUT ROWID;
        """

    /// v3: casework. What the case list filters on stays plaintext (step, kind, the earliest
    /// open deadline's day, the day of closing, the day a reporter withdrew, who is assigned); everything else lives in sealed
    /// records (the case sheet, timeline entries, documents, letters). A revision number lets
    /// concurrent changes to one case fail instead of overwriting each other. The counsellor's
    /// facets sit apart under the office statistics key and outlive the case's shredding.
    /// Contacts without a file are plaintext tallies: month, channel, optional ground and referral.
    static let v3 = """
        ALTER TABLE office ADD COLUMN team_access INTEGER NOT NULL DEFAULT 1;

        ALTER TABLE case_file ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE case_file ADD COLUMN next_due TEXT;
        ALTER TABLE case_file ADD COLUMN closed_on TEXT;
        ALTER TABLE case_file ADD COLUMN withdrawn_on TEXT;
        DROP INDEX case_file_by_office_step;
        CREATE INDEX case_file_by_office_received ON case_file(office_id, received_on DESC, id);
        CREATE INDEX case_file_by_office_step ON case_file(office_id, step, received_on DESC, id);
        CREATE INDEX case_file_by_office_due ON case_file(office_id, next_due) WHERE next_due IS NOT NULL;

        CREATE TABLE case_assignee (
            case_id BLOB NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
            member_id BLOB NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('beratung', 'co_beratung', 'vertretung')),
            PRIMARY KEY (case_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX case_assignee_by_member ON case_assignee(member_id, case_id);

        CREATE TABLE case_facets (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            case_id BLOB UNIQUE REFERENCES case_file(id) ON DELETE SET NULL,
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month TEXT NOT NULL,
            key_version INTEGER NOT NULL,
            ciphertext BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX case_facets_by_office_month ON case_facets(office_id, month);

        CREATE TABLE contact_tally (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month TEXT NOT NULL,
            channel TEXT NOT NULL,
            ground TEXT,
            referral TEXT
        ) WITHOUT ROWID;
        CREATE INDEX contact_tally_by_office_month ON contact_tally(office_id, month);
        """

    /// v4: statistics releases. One frozen release per office and period: the signed file sealed
    /// under the office statistics key (so only the office's members read its exact counts), the
    /// ε it spent under `mode: dp`, and once sent, its copy sealed to the Verband's key.
    static let v4 = """
        CREATE TABLE stat_release (
            id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
            office_id BLOB NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
            created_at TEXT NOT NULL,
            key_version INTEGER NOT NULL,
            sealed BLOB NOT NULL,
            epsilon TEXT,
            sent_at TEXT,
            verband_copy BLOB,
            CHECK ((sent_at IS NULL) = (verband_copy IS NULL)),
            UNIQUE (office_id, period)
        ) WITHOUT ROWID;
        """

    /// v5: the Verband's publications. One per period (a later merge replaces it): the signed
    /// file of merged tables after disclosure control, meant for the public and so unsealed.
    static let v5 = """
        CREATE TABLE stat_published (
            period TEXT PRIMARY KEY NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
            published_at TEXT NOT NULL,
            release_count INTEGER NOT NULL CHECK (release_count > 0),
            file BLOB NOT NULL
        ) WITHOUT ROWID;
        """

    /// v6: key integrity. One authenticated key manifest per office and one for the Verband (its
    /// canonical bytes and tag; the tag's key is the office's or the Verband's, never the server's); the fingerprint of the office key each
    /// case was sealed to and whether a member's login has checked it; who created an invitation
    /// (it dies with their removal or demotion); a rotation asked for while another ran; and the
    /// failure of a rotation that could not finish, so it is shown rather than silent.
    static let v6 = """
        CREATE TABLE key_manifest (
            office_id BLOB PRIMARY KEY NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            key_version INTEGER NOT NULL,
            body BLOB NOT NULL,
            tag BLOB NOT NULL CHECK (length(tag) = 32)
        ) WITHOUT ROWID;

        CREATE TABLE verband_manifest (
            verband_id BLOB PRIMARY KEY NOT NULL REFERENCES verband(id) ON DELETE CASCADE,
            key_version INTEGER NOT NULL,
            body BLOB NOT NULL,
            tag BLOB NOT NULL CHECK (length(tag) = 32)
        ) WITHOUT ROWID;

        ALTER TABLE case_file ADD COLUMN sealed_to BLOB CHECK (sealed_to IS NULL OR length(sealed_to) = 16);
        ALTER TABLE case_file ADD COLUMN key_checked INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX case_file_key_unchecked ON case_file(office_id) WHERE key_checked = 0;

        ALTER TABLE invitation ADD COLUMN created_by BLOB;

        ALTER TABLE office ADD COLUMN rotation_requested INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE key_rotation ADD COLUMN failure TEXT;
        ALTER TABLE key_rotation ADD COLUMN failed_at INTEGER;
        """
}
