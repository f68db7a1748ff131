import Foundation

/// Drops, once per process, the scratch schemas older than an hour (their comment is the second they were made in).
actor Sweeper {
    private var done = false

    func sweepOnce() async {
        guard !done else { return }
        done = true
        let cutoff = Int(Date().timeIntervalSince1970) - 3600
        try? await PostgresTestServer.execute(
            """
            DO $$ DECLARE s record; BEGIN
              FOR s IN SELECT n.nspname FROM pg_namespace n
                       WHERE n.nspname LIKE 'sichtbar\\_test\\_%' AND coalesce(obj_description(n.oid, 'pg_namespace'), '') ~ '^[0-9]+$'
                         AND obj_description(n.oid, 'pg_namespace')::bigint < \(cutoff)
              LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); END LOOP;
            END $$
            """)
    }
}
