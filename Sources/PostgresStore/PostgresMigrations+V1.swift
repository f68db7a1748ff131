extension PostgresMigrations {
    /// v1: SQLite's schema as of its v13, in PostgreSQL's types. Ids are random 16-byte `bytea`
    /// keys and no table has a serial or identity column, so no column records the order rows
    /// arrived in (the Verband's publication history numbers its rows on purpose: it is public and
    /// kept oldest first). Every text column that is sorted or compared in a range (days, months,
    /// periods, usernames, audit fields) collates as "C", byte by byte as SQLite compares, whatever
    /// the database's locale. Flags are booleans where SQLite keeps 0 and 1. Sealed payloads are
    /// stored as they come (`STORAGE EXTERNAL`: never compressed), so their padded sizes are
    /// what the disk holds. Indexes mirror SQLite's; `case_file_intake_unaudited` serves the
    /// daily flush of reporter events, which SQLite answers from its office index.
    static let v1 = """
        CREATE TABLE office (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            position bigint NOT NULL UNIQUE,
            name text NOT NULL,
            public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
            key_version bigint NOT NULL,
            recovery_public_key bytea NOT NULL CHECK (octet_length(recovery_public_key) = 32),
            profile text NOT NULL,
            team_access boolean NOT NULL DEFAULT true,
            rotation_requested boolean NOT NULL DEFAULT false,
            is_fallback boolean NOT NULL DEFAULT false
        );
        CREATE UNIQUE INDEX office_one_fallback ON office (is_fallback) WHERE is_fallback;

        CREATE TABLE member (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            username text COLLATE "C" NOT NULL UNIQUE,
            office_id bytea REFERENCES office(id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('counsellor', 'lead', 'analyst')),
            public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
            wrapped_secret text NOT NULL
        );
        CREATE INDEX member_by_office ON member(office_id, username);

        CREATE TABLE office_key_seal (
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            key_version bigint NOT NULL,
            recipient text COLLATE "C" NOT NULL,
            purpose text NOT NULL CHECK (purpose IN ('office_secret', 'statistics')),
            sealed bytea NOT NULL,
            PRIMARY KEY (office_id, key_version, recipient, purpose)
        );
        CREATE INDEX office_key_seal_by_recipient ON office_key_seal(recipient);

        CREATE TABLE invitation (
            token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
            office_id bytea REFERENCES office(id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('counsellor', 'lead', 'analyst')),
            expires_at bigint NOT NULL,
            wrapped_secrets bytea NOT NULL,
            created_by bytea
        );

        CREATE TABLE case_file (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            office_id bytea NOT NULL REFERENCES office(id),
            office_key_version bigint NOT NULL,
            sealed_keys bytea NOT NULL,
            kind text COLLATE "C" NOT NULL,
            step text COLLATE "C" NOT NULL,
            channel text COLLATE "C" NOT NULL,
            received_on text COLLATE "C" NOT NULL,
            touched boolean NOT NULL DEFAULT false,
            intake_audited boolean NOT NULL DEFAULT false,
            revision bigint NOT NULL DEFAULT 0,
            next_due text COLLATE "C",
            closed_on text COLLATE "C",
            withdrawn_on text COLLATE "C",
            sealed_to bytea CHECK (sealed_to IS NULL OR octet_length(sealed_to) = 16),
            key_checked boolean NOT NULL DEFAULT false,
            integrity bytea,
            reporter_unread boolean NOT NULL DEFAULT false,
            classified_on text COLLATE "C",
            deletion_requested_on text COLLATE "C",
            legal_hold boolean NOT NULL DEFAULT false
        );
        CREATE INDEX case_file_by_office_version ON case_file(office_id, office_key_version);
        CREATE INDEX case_file_by_office_received ON case_file(office_id, received_on DESC, id);
        CREATE INDEX case_file_by_office_step ON case_file(office_id, step, received_on DESC, id);
        CREATE INDEX case_file_by_office_due ON case_file(office_id, next_due, id) WHERE next_due IS NOT NULL;
        CREATE INDEX case_file_key_unchecked ON case_file(office_id) WHERE NOT key_checked;
        CREATE INDEX case_file_unread ON case_file(office_id) WHERE reporter_unread;
        CREATE INDEX case_file_intake_unaudited ON case_file(office_id, received_on) WHERE NOT intake_audited;

        CREATE TABLE mailbox (
            lookup_id bytea PRIMARY KEY CHECK (octet_length(lookup_id) = 16),
            case_id bytea NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
            wrapped_key bytea NOT NULL
        );

        CREATE TABLE record (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            case_id bytea NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
            kind text COLLATE "C" NOT NULL,
            key_version bigint NOT NULL,
            ciphertext bytea NOT NULL,
            pending boolean NOT NULL DEFAULT false
        );
        ALTER TABLE record ALTER COLUMN ciphertext SET STORAGE EXTERNAL;
        CREATE INDEX record_by_case ON record(case_id, kind);

        CREATE TABLE intake_month (
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month text COLLATE "C" NOT NULL,
            unclassified bigint NOT NULL CHECK (unclassified >= 0),
            PRIMARY KEY (office_id, month)
        );

        CREATE TABLE verband (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            name text NOT NULL,
            public_key bytea NOT NULL CHECK (octet_length(public_key) = 32)
        );

        CREATE TABLE verband_key_seal (
            member_id bytea PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
            sealed bytea NOT NULL
        );

        CREATE TABLE key_rotation (
            office_id bytea PRIMARY KEY REFERENCES office(id) ON DELETE CASCADE,
            from_version bigint NOT NULL,
            to_version bigint NOT NULL CHECK (to_version = from_version + 1),
            started_at bigint NOT NULL,
            started_by text NOT NULL,
            failure text,
            failed_at bigint
        );

        CREATE TABLE audit_event (
            chain bytea NOT NULL CHECK (octet_length(chain) = 16),
            seq bigint NOT NULL CHECK (seq >= 1),
            at text COLLATE "C" NOT NULL,
            actor text COLLATE "C" NOT NULL,
            action text COLLATE "C" NOT NULL,
            subject text COLLATE "C" NOT NULL,
            hash bytea NOT NULL CHECK (octet_length(hash) = 32),
            PRIMARY KEY (chain, seq)
        );

        CREATE TABLE audit_head (
            chain bytea PRIMARY KEY CHECK (octet_length(chain) = 16),
            seq bigint NOT NULL,
            hash bytea NOT NULL,
            signature bytea NOT NULL,
            flushed_before text COLLATE "C" NOT NULL DEFAULT ''
        );

        CREATE TABLE audit_pending (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            chain bytea NOT NULL,
            day text COLLATE "C" NOT NULL,
            action text NOT NULL,
            subject text NOT NULL
        );
        CREATE INDEX audit_pending_by_chain ON audit_pending(chain, day);

        CREATE TABLE audit_checkpoint (
            chain bytea NOT NULL,
            day text COLLATE "C" NOT NULL,
            seq bigint NOT NULL,
            hash bytea NOT NULL,
            signature bytea NOT NULL,
            PRIMARY KEY (chain, day)
        );

        CREATE TABLE case_assignee (
            case_id bytea NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
            member_id bytea NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            role text COLLATE "C" NOT NULL CHECK (role IN ('beratung', 'co_beratung', 'vertretung')),
            PRIMARY KEY (case_id, member_id)
        );
        CREATE INDEX case_assignee_by_member ON case_assignee(member_id, case_id);

        CREATE TABLE case_facets (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            case_id bytea UNIQUE REFERENCES case_file(id) ON DELETE SET NULL,
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month text COLLATE "C" NOT NULL,
            key_version bigint NOT NULL,
            ciphertext bytea NOT NULL
        );
        ALTER TABLE case_facets ALTER COLUMN ciphertext SET STORAGE EXTERNAL;
        CREATE INDEX case_facets_by_office_month ON case_facets(office_id, month);

        CREATE TABLE contact_tally (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            month text COLLATE "C" NOT NULL,
            channel text NOT NULL,
            ground text,
            referral text
        );
        CREATE INDEX contact_tally_by_office_month ON contact_tally(office_id, month);

        CREATE TABLE stat_release (
            id bytea PRIMARY KEY CHECK (octet_length(id) = 16),
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            period text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
            created_at text NOT NULL,
            key_version bigint NOT NULL,
            sealed bytea NOT NULL,
            epsilon text,
            sent_at text,
            verband_copy bytea,
            CHECK ((sent_at IS NULL) = (verband_copy IS NULL)),
            UNIQUE (office_id, period)
        );

        CREATE TABLE stat_published (
            period text COLLATE "C" PRIMARY KEY CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
            published_at text NOT NULL,
            release_count bigint NOT NULL CHECK (release_count > 0),
            file bytea NOT NULL
        );

        CREATE TABLE stat_published_history (
            number bigint PRIMARY KEY CHECK (number >= 1),
            period text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
            published_at text NOT NULL,
            release_count bigint NOT NULL CHECK (release_count > 0),
            file bytea NOT NULL
        );

        CREATE TABLE key_manifest (
            office_id bytea PRIMARY KEY REFERENCES office(id) ON DELETE CASCADE,
            key_version bigint NOT NULL,
            body bytea NOT NULL,
            tag bytea NOT NULL CHECK (octet_length(tag) = 32)
        );

        CREATE TABLE verband_manifest (
            verband_id bytea PRIMARY KEY REFERENCES verband(id) ON DELETE CASCADE,
            key_version bigint NOT NULL,
            body bytea NOT NULL,
            tag bytea NOT NULL CHECK (octet_length(tag) = 32)
        );

        CREATE TABLE member_cover (
            absent_id bytea PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
            office_id bytea NOT NULL REFERENCES office(id),
            cover_id bytea NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            from_day text COLLATE "C" NOT NULL,
            until_day text COLLATE "C" NOT NULL,
            CHECK (absent_id <> cover_id),
            CHECK (from_day <= until_day)
        );
        CREATE INDEX member_cover_by_cover ON member_cover(cover_id);

        CREATE TABLE retention_dropped_year (
            office_id bytea NOT NULL REFERENCES office(id) ON DELETE CASCADE,
            year text COLLATE "C" NOT NULL CHECK (year ~ '^[0-9]{4}$'),
            PRIMARY KEY (office_id, year)
        );

        CREATE TABLE member_notify (
            member_id bytea PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
            address text NOT NULL CHECK (
                char_length(address) BETWEEN 3 AND 254 AND strpos(address, ' ') = 0 AND strpos(address, ',') = 0
                AND strpos(address, '<') = 0 AND strpos(address, '>') = 0 AND strpos(address, chr(10)) = 0 AND strpos(address, chr(13)) = 0
            )
        );
        """
}
