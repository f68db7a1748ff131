import Foundation
import Testing

/// The operator's view of the audit trail: someone with the database file edits the chain with
/// plain SQLite, and `sichtbar audit verify` (with and without a checkpoint kept outside the
/// server) must notice and name the problem.
@Suite(.serialized) struct AuditTamperEndToEndTests {
    /// Helpers for the Python programs below: `office` is the chain id; `link` is the chain's hash
    /// (unkeyed BLAKE2b-256, as anyone holding the database could compute it); `relink(start)`
    /// rewrites every hash from `start` on and checks the formula against the untouched entries.
    static let prelude = """
        import sqlite3, sys, hashlib, struct, os
        db = sqlite3.connect(sys.argv[1])
        office = bytes.fromhex(sys.argv[2])
        def rows():
            return db.execute("SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = ? ORDER BY seq",
                              (office,)).fetchall()
        def last():
            return db.execute("SELECT max(seq) FROM audit_event WHERE chain = ?", (office,)).fetchone()[0]
        def link(previous, seq, at, actor, action, subject):
            message = b"sichtbar-audit-v1" + previous + office + struct.pack(">Q", seq)
            for field in (at, actor, action, subject):
                data = field.encode("utf-8")
                message += struct.pack(">Q", len(data)) + data
            return hashlib.blake2b(message, digest_size=32).digest()
        def relink(start):
            previous = bytes(32)
            for seq, at, actor, action, subject, stored in rows():
                computed = link(previous, seq, at, actor, action, subject)
                if seq < start:
                    assert computed == stored, "the test's hash formula disagrees with stored event %d" % seq
                elif computed != stored:
                    db.execute("UPDATE audit_event SET hash = ? WHERE chain = ? AND seq = ?", (computed, office, seq))
                previous = computed
        def shift_up(start):
            db.execute("UPDATE audit_event SET seq = seq + 1000000 WHERE chain = ? AND seq >= ?", (office, start))
            db.execute("UPDATE audit_event SET seq = seq - 999999 WHERE chain = ? AND seq > 1000000", (office,))
        def set_head(seq, hash, signature=None):
            if signature is None:
                db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE chain = ?", (seq, hash, office))
            else:
                db.execute("UPDATE audit_head SET seq = ?, hash = ?, signature = ? WHERE chain = ?", (seq, hash, signature, office))
        def hash_of(seq):
            return db.execute("SELECT hash FROM audit_event WHERE chain = ? AND seq = ?", (office, seq)).fetchone()[0]

        """

    struct Tampering: CustomStringConvertible {
        let name: String
        /// Python after the prelude; `int(sys.argv[3])` is the checkpoint's sequence, `sys.argv[4]` and
        /// `sys.argv[5]` the hex hash and signature of an earlier, genuinely signed head.
        let program: String
        let anchor: Bool
        let status: Int32
        let fragments: [String]
        var description: String { "\(name)\(anchor ? " (with --anchor)" : "")" }
    }

    @Test func auditVerifyNamesEveryKindOfTampering() async throws {
        let office = try OfficeFixture.create()
        let work = office.folder.deletingLastPathComponent()

        // Member activity through the server: invitation, enrolment, logins, a report, views, logouts.
        let server = try await office.serve()
        do {
            defer { server.terminate() }
            let api = MemberAPIClient(server)
            let leadToken = try await api.token(office.lead, office.leadPassphrase)
            let (_, inviteBody) = try await api.call("POST", "/invitations", token: leadToken, body: ["role": "counsellor"])
            let invitation = try #require(HTTP.json(inviteBody)["invitation"] as? String, "\(inviteBody)")
            let (enrolStatus, _) = try await api.call(
                "POST", "/enrolment",
                body: [
                    "invitation": invitation, "username": "clara.audit", "passphrase": "Wolke-Brunnen-Tasse-31",
                ])
            #expect(enrolStatus == 201)
            let counsellorToken = try await api.token("clara.audit", "Wolke-Brunnen-Tasse-31")
            try await api.report(uniqueNarrative("audit"))
            _ = try await api.caseIDs(token: counsellorToken)
            #expect(try await api.call("GET", "/members", token: leadToken).status == 200)
            let (auditStatus, auditBody) = try await api.call("GET", "/audit", token: leadToken)
            #expect(auditStatus == 200)
            let actions = (HTTP.json(auditBody)["events"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.contains("member.enrolled") && actions.contains("session.login"), "\(actions)")
            #expect(try await api.call("DELETE", "/sessions", token: counsellorToken).status == 204)
            #expect(try await api.call("DELETE", "/sessions", token: leadToken).status == 204)
        }
        #expect(server.process.terminationStatus == 0, "the server stopped cleanly: \(server.log)")

        // An earlier head the server genuinely signed, as a rollback would restore it.
        let earlier = try CLI.query(
            office.database, "SELECT seq, hex(hash), hex(signature) FROM audit_head WHERE lower(hex(chain)) = ?",
            [office.office]
        ).split(separator: "|").map(String.init)
        try #require(earlier.count == 3)
        let earlierSequence = try #require(Int(earlier[0]))
        #expect(try CLI.query(office.database, "SELECT max(seq) FROM audit_event") == earlier[0])
        #expect(earlierSequence >= 8, "the activity left events: \(earlierSequence)")

        // The checkpoint leaves the server; writing it is itself an event.
        let checkpointURL = work.appendingPathComponent("cp.json")
        let written = try CLI.run(["audit", "checkpoint", "--data", office.data, "--office", office.office, "--out", checkpointURL.path])
        #expect(written.status == 0, "\(written.output)")
        let checkpointSequence = earlierSequence + 1
        #expect(written.stdout.contains("at event \(checkpointSequence)"), "\(written.output)")
        let checkpoint = HTTP.json(try String(contentsOf: checkpointURL, encoding: .utf8))
        #expect(checkpoint["chain"] as? String == office.office)
        #expect(checkpoint["sequence"] as? Int == checkpointSequence)
        #expect(checkpoint["key"] as? String == office.signingKey)

        // More activity after the checkpoint, on the command line.
        _ = try office.invite("counsellor")
        let enrolled = try office.enrol(try office.invite("lead"), username: "lars.spaet", passphrase: "Spiegel-Hafen-Wiese-19")
        #expect(enrolled.status == 0, "\(enrolled.output)")
        let total = try #require(Int(try CLI.query(office.database, "SELECT max(seq) FROM audit_event")))
        #expect(total == checkpointSequence + 3)

        func verify(_ folder: URL, anchor: URL? = nil) throws -> CommandResult {
            try CLI.run(["audit", "verify", "--data", folder.path] + (anchor.map { ["--anchor", $0.path] } ?? []))
        }

        // Untouched: intact, with the count, with and without the anchor; the Python formula agrees.
        let intact = try verify(office.folder)
        #expect(intact.status == 0, "\(intact.output)")
        #expect(intact.stdout.contains("chain \(office.office): intact, \(total) events"), "\(intact.output)")
        let anchored = try verify(office.folder, anchor: checkpointURL)
        #expect(anchored.status == 0, "\(anchored.output)")
        #expect(anchored.stdout.contains("intact, \(total) events"), "\(anchored.output)")
        _ = try CLI.python(Self.prelude + "relink(last() + 1)\ndb.close()\n", database: office.database, [office.office])

        // A checkpoint file that was itself altered is refused.
        var forged = checkpoint
        forged["hash"] = Data(repeating: 7, count: 32).base64EncodedString()
        let forgedURL = work.appendingPathComponent("cp-forged.json")
        try JSONSerialization.data(withJSONObject: forged).write(to: forgedURL)
        let forgedResult = try verify(office.folder, anchor: forgedURL)
        #expect(forgedResult.status == 1, "\(forgedResult.output)")
        #expect(forgedResult.stdout.contains("checkpoint's signature does not verify"), "\(forgedResult.output)")

        let n = total
        // The same tampering, verified without and with a kept checkpoint.
        let truncatedWithHead = """
            keep = last() - 2
            db.execute("DELETE FROM audit_event WHERE chain = ? AND seq > ?", (office, keep))
            set_head(keep, hash_of(keep))
            """
        let cases: [Tampering] = [
            Tampering(
                name: "(a) one event's subject edited",
                program: """
                    db.execute("UPDATE audit_event SET subject = 'jemand.anders' WHERE chain = ? AND seq = 2", (office,))
                    """, anchor: false, status: 1, fragments: ["BROKEN at event 2:", "event 2 does not match its hash"]),
            Tampering(
                name: "(b) a middle event deleted",
                program: """
                    db.execute("DELETE FROM audit_event WHERE chain = ? AND seq = 4", (office,))
                    """, anchor: false, status: 1, fragments: ["BROKEN at event 4:", "events 4 to 4 are missing"]),
            Tampering(
                name: "(c) an event inserted in the middle",
                program: """
                    shift_up(4)
                    db.execute("INSERT INTO audit_event VALUES (?, 4, '2026-01-01T00:00:00Z', 'operator', 'member.removed', 'clara.audit', ?)",
                               (office, os.urandom(32)))
                    """, anchor: false, status: 1, fragments: ["BROKEN at event 4:", "event 4 does not match its hash"]),
            Tampering(
                name: "(c') an event inserted and every later hash recomputed",
                program: """
                    shift_up(4)
                    db.execute("INSERT INTO audit_event VALUES (?, 4, '2026-01-01T00:00:00Z', 'operator', 'member.removed', 'clara.audit', ?)",
                               (office, bytes(32)))
                    relink(4)
                    """, anchor: false, status: 1,
                fragments: ["BROKEN at event \(n + 1):", "the signed head names event \(n), the chain ends at event \(n + 1)"]),
            Tampering(
                name: "(c'') a well-linked event appended",
                program: """
                    previous = hash_of(last())
                    seq = last() + 1
                    db.execute("INSERT INTO audit_event VALUES (?, ?, '2026-01-01T00:00:00Z', 'lead.koeln', 'case.viewed', 'x', ?)",
                               (office, seq, link(previous, seq, '2026-01-01T00:00:00Z', 'lead.koeln', 'case.viewed', 'x')))
                    """, anchor: false, status: 1,
                fragments: ["BROKEN at event \(n + 1):", "the signed head names event \(n), the chain ends at event \(n + 1)"]),
            Tampering(
                name: "(d) two events' sequence numbers swapped",
                program: """
                    db.execute("UPDATE audit_event SET seq = 1000000 WHERE chain = ? AND seq = 3", (office,))
                    db.execute("UPDATE audit_event SET seq = 3 WHERE chain = ? AND seq = 4", (office,))
                    db.execute("UPDATE audit_event SET seq = 4 WHERE chain = ? AND seq = 1000000", (office,))
                    """, anchor: false, status: 1, fragments: ["BROKEN at event 3:", "event 3 does not match its hash"]),
            Tampering(
                name: "(e) newest events deleted and the head rewritten to match", program: truncatedWithHead, anchor: false, status: 1,
                fragments: ["BROKEN at event \(n - 2):", "the signature over the chain head does not verify"]),
            Tampering(
                name: "(e) newest events deleted and the head rewritten to match", program: truncatedWithHead, anchor: true, status: 1,
                fragments: ["the signature over the chain head does not verify"]),
            Tampering(
                name: "(f) events deleted back to before the checkpoint",
                program: """
                    db.execute("DELETE FROM audit_event WHERE chain = ? AND seq >= ?", (office, int(sys.argv[3]) - 2))
                    """, anchor: true, status: 1,
                fragments: [
                    "does not extend the checkpoint",
                    "the chain ends at event \(checkpointSequence - 3), before the checkpoint's event \(checkpointSequence)",
                ]),
            // The rollback only a kept checkpoint reveals: back to an earlier head the server really signed.
            Tampering(
                name: "(f') rolled back to an earlier signed head",
                program: """
                    db.execute("DELETE FROM audit_event WHERE chain = ? AND seq > ?", (office, int(sys.argv[3]) - 1))
                    set_head(int(sys.argv[3]) - 1, bytes.fromhex(sys.argv[4]), bytes.fromhex(sys.argv[5]))
                    """, anchor: false, status: 0, fragments: ["intact, \(earlierSequence) events"]),
            Tampering(
                name: "(f') rolled back to an earlier signed head",
                program: """
                    db.execute("DELETE FROM audit_event WHERE chain = ? AND seq > ?", (office, int(sys.argv[3]) - 1))
                    set_head(int(sys.argv[3]) - 1, bytes.fromhex(sys.argv[4]), bytes.fromhex(sys.argv[5]))
                    """, anchor: true, status: 1,
                fragments: [
                    "does not extend the checkpoint",
                    "the chain ends at event \(earlierSequence), before the checkpoint's event \(checkpointSequence): newer events were deleted",
                ]),
        ]

        for (index, tampering) in cases.enumerated() {
            let copy = work.appendingPathComponent("tampered-\(index)")
            try FileManager.default.copyItem(at: office.folder, to: copy)
            _ = try CLI.python(
                Self.prelude + tampering.program + "\ndb.commit()\ndb.close()\n",
                database: copy.appendingPathComponent("sichtbar.sqlite"),
                [office.office, "\(checkpointSequence)", earlier[1], earlier[2]])
            let result = try verify(copy, anchor: tampering.anchor ? checkpointURL : nil)
            #expect(result.status == tampering.status, "\(tampering): \(result.output)")
            for fragment in tampering.fragments {
                #expect(result.stdout.contains(fragment), "\(tampering): expected “\(fragment)” in \(result.output)")
            }
            if tampering.status == 1 {
                #expect(result.stderr.contains("failed verification"), "\(tampering): \(result.output)")
            }
        }

        // The original is still intact after all of that.
        let after = try verify(office.folder, anchor: checkpointURL)
        #expect(after.status == 0, "\(after.output)")
    }
}
