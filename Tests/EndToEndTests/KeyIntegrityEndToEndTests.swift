import Foundation
import Testing

/// The operator as attacker: they hold the database and the server's files, but no passphrase
/// and no recovery code. Between runs of the real binary they edit the SQLite file with plain
/// SQL, swapping keys that things are sealed to. Each swap must be refused with an
/// `integrity.alarm` in the audit chain, and nothing may end up sealed to the attacker's key.
@Suite(.serialized) struct KeyIntegrityEndToEndTests {
    static let counsellorPassphrase = "Wiesen-Kompass-Lampe-58"

    /// A random 32-byte "public key" the attacker controls, written into a table with Python.
    static func swap(_ database: URL, _ sql: String, _ arguments: [String] = []) throws {
        _ = try CLI.python(
            """
            import sqlite3, sys, os
            db = sqlite3.connect(sys.argv[1])
            db.execute(sys.argv[2].replace("ATTACKER", "x'" + os.urandom(32).hex() + "'"), tuple(sys.argv[3:]))
            db.commit()
            db.close()
            """, database: database, [sql] + arguments)
    }

    static func alarms(_ office: OfficeFixture) throws -> [String] {
        try CLI.query(
            office.database, "SELECT subject FROM audit_event WHERE action = 'integrity.alarm' AND lower(hex(chain)) = ? ORDER BY seq",
            [office.office]
        ).split(separator: "\n").map(String.init)
    }

    static func enrolCounsellor(_ office: OfficeFixture, _ username: String) throws {
        let enrolled = try office.enrol(try office.invite("counsellor"), username: username, passphrase: counsellorPassphrase)
        guard enrolled.status == 0 else { throw E2EError("enrol failed: \(enrolled.output)") }
    }

    @Test func aSwappedRecoveryKeyGetsNothingAtTheNextRotation() throws {
        let office = try OfficeFixture.create()
        try Self.enrolCounsellor(office, "cem.geht")
        let before = try CLI.query(office.database, "SELECT count(*) FROM office_key_seal")
        try Self.swap(office.database, "UPDATE office SET recovery_public_key = ATTACKER")

        // The removal would rotate: new office secrets sealed to the recovery key.
        let removed = try CLI.run(
            ["user", "remove", "--data", office.data, "--username", "cem.geht", "--as", office.lead],
            stdin: office.leadPassphrase + "\n")
        #expect(removed.status == 1, "\(removed.output)")
        #expect(removed.stderr.contains("KEY INTEGRITY ALARM"), "\(removed.output)")
        #expect(removed.stderr.contains("recovery public key differs"), "\(removed.output)")
        #expect(try Self.alarms(office) == ["recovery_key"])
        #expect(try office.keyVersion() == 1, "no rotation began")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM office_key_seal") == before, "nothing new was sealed")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM member WHERE username = 'cem.geht'") == "1")

        // Renewing the recovery code is a seal too: refused the same way.
        let renewed = try CLI.run(
            ["office", "recovery-code", "renew", "--data", office.data, "--office", office.office, "--as", office.lead],
            stdin: office.leadPassphrase + "\n")
        #expect(renewed.status == 1, "\(renewed.output)")
        #expect(!renewed.stdout.contains("-"), "no code printed: \(renewed.output)")
    }

    @Test func anAddedMemberRowGetsNothingAndIsNamed() throws {
        let office = try OfficeFixture.create()
        try Self.enrolCounsellor(office, "cem.bleibt")
        // A forged lead row with the attacker's key, as if enrolled.
        let wrap = try CLI.query(office.database, "SELECT wrapped_secret FROM member WHERE username = 'cem.bleibt'")
        try Self.swap(
            office.database,
            """
            INSERT INTO member (id, username, office_id, role, public_key, wrapped_secret)
            SELECT randomblob(16), 'mallory', id, 'lead', ATTACKER, ? FROM office
            """, [wrap])
        let mallory = try CLI.query(office.database, "SELECT lower(hex(id)) FROM member WHERE username = 'mallory'")

        // Inviting hands out the office secrets: refused.
        let invite = try CLI.run(
            [
                "user", "invite", "--data", office.data, "--office", office.office, "--role", "counsellor",
                "--as", office.lead, "--json",
            ], stdin: office.leadPassphrase + "\n")
        #expect(invite.status == 1, "\(invite.output)")
        #expect(invite.stderr.contains("mallory is a member the manifest does not list"), "\(invite.output)")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM invitation") == "0")

        // A rotation (office rotate-key) would seal the new secrets to every member row: refused.
        let rotated = try CLI.run(
            ["office", "rotate-key", "--data", office.data, "--office", office.office, "--as", office.lead],
            stdin: office.leadPassphrase + "\n")
        #expect(rotated.status == 1, "\(rotated.output)")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM office_key_seal WHERE recipient = ?", [mallory]) == "0")
        #expect(try office.keyVersion() == 1)
        #expect(try Self.alarms(office).allSatisfy { $0 == "member_added mallory" })
        #expect(try Self.alarms(office).count == 2)
    }

    @Test func aSwappedOfficeKeyIsAlarmedAtLoginAndTheCasesSealedToItAreNamed() async throws {
        let office = try OfficeFixture.create()
        try Self.enrolCounsellor(office, "cara.sieht")
        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        try await api.report(uniqueNarrative("before"))
        let before = try CLI.query(office.database, "SELECT lower(hex(id)) FROM case_file")
        let genuine = try CLI.query(office.database, "SELECT hex(public_key) FROM office")

        // While nobody is logged in, the operator swaps the office key, intake seals one report
        // to it, and the operator puts the genuine key back to cover the tracks.
        try Self.swap(office.database, "UPDATE office SET public_key = ATTACKER")
        try await Task.sleep(for: .seconds(3))
        try await api.report(uniqueNarrative("while swapped"))
        try Self.swap(office.database, "UPDATE office SET public_key = x'\(genuine)'")
        let swappedCase = try CLI.query(office.database, "SELECT lower(hex(id)) FROM case_file WHERE lower(hex(id)) <> ?", [before])
        #expect(try CLI.query(office.database, "SELECT count(DISTINCT sealed_to) FROM case_file") == "2", "two keys were used")
        #expect(swappedCase.count == 32, "one case was sealed to the swapped key: \(swappedCase)")

        // The next login checks the cases that arrived since the last check and names it.
        _ = try await api.token("cara.sieht", Self.counsellorPassphrase)
        let named = try Self.alarms(office)
        #expect(named == ["case_key \(swappedCase)"], "\(named)")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM case_file WHERE key_checked = 0") == "0")

        // Swapped again and left: the login alarms, and the lead cannot hand out the office secrets.
        try Self.swap(office.database, "UPDATE office SET public_key = ATTACKER")
        let leadToken = try await api.token(office.lead, office.leadPassphrase)
        let afterSwap = try Self.alarms(office)
        #expect(afterSwap.contains("office_key"), "\(afterSwap)")
        let (status, body) = try await api.call("POST", "/invitations", token: leadToken, body: ["role": "counsellor"])
        #expect(status == 409, "\(body)")
        #expect(body.contains("key_integrity"), "\(body)")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM invitation") == "0")
    }

    @Test func aSwappedVerbandKeyIsRefusedAtSendingAndAConfirmedOneIsUsed() throws {
        let folder = try ServerProcess.temporaryFolder().appendingPathComponent("data")
        let initResult = try CLI.run(
            ["init", "--data", folder.path, "--office-name", "ADA Köln", "--admin", "lead.koeln", "--json"],
            stdin: "Kompass-Laterne-Ufer-77\n")
        #expect(initResult.status == 0, "\(initResult.output)")
        let office = try #require(initResult.json["office"] as? String)
        let verband = try CLI.run(
            ["verband", "init", "--data", folder.path, "--name", "Verband NRW", "--analyst", "ana.lyse", "--json"],
            stdin: "Tafel-Regen-Bruecke-42\n")
        #expect(verband.status == 0, "\(verband.output)")
        let fingerprint = try #require(verband.json["fingerprint"] as? String)
        func confirm(_ fingerprint: String) throws -> CommandResult {
            try CLI.run(
                [
                    "office", "confirm-verband-key", "--data", folder.path, "--office", office, "--as", "lead.koeln",
                    "--fingerprint", fingerprint,
                ], stdin: "Kompass-Laterne-Ufer-77\n")
        }
        let database = folder.appendingPathComponent("sichtbar.sqlite")
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1

        let out = folder.deletingLastPathComponent().appendingPathComponent("release.json")
        func release() throws -> CommandResult {
            try CLI.run(
                [
                    "stats", "release", "--data", folder.path, "--office", office, "--period", "\(lastYear)",
                    "--as", "lead.koeln", "--out", out.path,
                ], stdin: "Kompass-Laterne-Ufer-77\n")
        }
        // A Verband that appeared after the office waits for a lead's confirmation.
        let unconfirmed = try release()
        #expect(unconfirmed.status == 1, "\(unconfirmed.output)")
        #expect(unconfirmed.stderr.contains("no Verband key is confirmed"), "\(unconfirmed.output)")
        #expect(try confirm("0000 1111 2222 3333 4444 5555 6666 7777").status == 2, "a wrong fingerprint confirms nothing")
        let confirmed = try confirm(fingerprint)
        #expect(confirmed.status == 0, "\(confirmed.output)")
        let sent = try release()
        #expect(sent.status == 0, "\(sent.output)")
        // The envelope carries the signed chain head: a checkpoint the Verband keeps.
        let anchored = try CLI.run(["audit", "verify", "--data", folder.path, "--anchor", out.path])
        #expect(anchored.status == 0, "\(anchored.output)")
        #expect(anchored.stdout.contains("chain \(office): intact"), "\(anchored.output)")
        try FileManager.default.removeItem(at: out)
        _ = try CLI.python(
            "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.execute('DELETE FROM stat_release')\ndb.commit()\n",
            database: database)

        // Now the operator swaps the Verband key: the next release is refused and alarmed.
        try Self.swap(database, "UPDATE verband SET public_key = ATTACKER")
        let release = try release()
        #expect(release.status == 1, "\(release.output)")
        #expect(release.stderr.contains("Verband key"), "\(release.output)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing sealed to the attacker's key left the server")
        #expect(try CLI.query(database, "SELECT count(*) FROM stat_release WHERE sent_at IS NOT NULL") == "0")
        #expect(
            try CLI.query(
                database, "SELECT subject FROM audit_event WHERE action = 'integrity.alarm' AND lower(hex(chain)) = ?",
                [office]
            ).split(separator: "\n").last == "verband_key")
    }

    @Test func aRemovalDuringARunningRotationChainsAnotherAndTheRemovedKeyOpensNothingNew() async throws {
        let office = try OfficeFixture.create()
        for name in ["xaver.geht", "berta.geht", "carl.bleibt"] { try Self.enrolCounsellor(office, name) }
        let berta = try CLI.query(office.database, "SELECT lower(hex(id)) FROM member WHERE username = 'berta.geht'")
        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        try await api.report(uniqueNarrative("old"))
        // Berta is logged in while the first rotation runs: she can open version 2.
        _ = try await api.token("berta.geht", Self.counsellorPassphrase)
        let lead = try await api.token(office.lead, office.leadPassphrase)

        #expect(try await api.call("DELETE", "/members/xaver.geht", token: lead).status == 200)
        let running = try CLI.query(office.database, "SELECT to_version FROM key_rotation")
        #expect(running == "2", "the first rotation is still running (it waits out its grace): \(running)")
        #expect(
            try CLI.query(office.database, "SELECT count(*) FROM office_key_seal WHERE recipient = ? AND key_version = 2", [berta]) == "2",
            "the running rotation sealed version 2 to Berta too")
        #expect(try await api.call("DELETE", "/members/berta.geht", token: lead).status == 200)

        // The chained rotation runs after the first; wait for both (bounded).
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            if try office.keyVersion() == 3, try CLI.query(office.database, "SELECT count(*) FROM key_rotation") == "0" { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(try office.keyVersion() == 3, "the key version moved on past what Berta could have opened")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM key_rotation") == "0")
        #expect(try CLI.query(office.database, "SELECT rotation_requested FROM office") == "0")
        #expect(try CLI.query(office.database, "SELECT count(*) FROM office_key_seal WHERE recipient = ?", [berta]) == "0")
        #expect(
            try CLI.query(office.database, "SELECT DISTINCT key_version FROM office_key_seal") == "3",
            "only version 3 is kept; nothing of versions 1 and 2 remains")

        try await api.report(uniqueNarrative("new"))
        #expect(try office.caseKeyVersions() == [3], "every case, old and new, is sealed to version 3")
        let started = try CLI.query(office.database, "SELECT count(*) FROM audit_event WHERE action = 'office.key_rotation_started'")
        #expect(started == "2")
        // Carl, who stays, still opens the new case.
        let carl = try await api.token("carl.bleibt", Self.counsellorPassphrase)
        let ids = try await api.caseIDs(token: carl)
        #expect(ids.count == 2)
        for id in ids { #expect(try await api.narrative(of: id, token: carl) != nil) }
    }

    @Test func invitationsDieWithTheirCreatorsRemovalOrDemotion() async throws {
        let office = try OfficeFixture.create()
        let second = try office.enrol(try office.invite("lead"), username: "lea.zwei", passphrase: "Segel-Fichte-Wolke-23")
        #expect(second.status == 0, "\(second.output)")
        let third = try office.enrol(try office.invite("lead"), username: "leo.drei", passphrase: "Segel-Fichte-Wolke-24")
        #expect(third.status == 0, "\(third.output)")
        func invite(as lead: String, _ passphrase: String) throws -> String {
            let result = try CLI.run(
                [
                    "user", "invite", "--data", office.data, "--office", office.office, "--role", "counsellor",
                    "--as", lead, "--json",
                ], stdin: passphrase + "\n")
            guard result.status == 0, let token = result.json["invitation"] as? String else { throw E2EError(result.output) }
            return token
        }
        let byLea = try invite(as: "lea.zwei", "Segel-Fichte-Wolke-23")
        let byLeo = try invite(as: "leo.drei", "Segel-Fichte-Wolke-24")
        let byFirst = try invite(as: office.lead, office.leadPassphrase)

        let server = try await office.serve()
        let api = MemberAPIClient(server)
        let lead = try await api.token(office.lead, office.leadPassphrase)
        let (demoted, demoteBody) = try await api.call("PATCH", "/members/lea.zwei", token: lead, body: ["role": "counsellor"])
        #expect(demoted == 200 || demoted == 204, "\(demoteBody)")
        server.terminate()
        // A removal rotates, which kills every invitation anyway; the demotion alone must kill Lea's.
        #expect(try CLI.query(office.database, "SELECT count(*) FROM invitation") == "2")
        let refused = try office.enrol(byLea, username: "nina.neu", passphrase: Self.counsellorPassphrase)
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.stderr.contains("unknown, used or expired"), "\(refused.output)")
        let removed = try CLI.run(
            ["user", "remove", "--data", office.data, "--username", "leo.drei", "--as", office.lead],
            stdin: office.leadPassphrase + "\n")
        #expect(removed.status == 0, "\(removed.output)")
        #expect(try office.enrol(byLeo, username: "nina.neu", passphrase: Self.counsellorPassphrase).status == 2)
        // And the rotation took the first lead's invitation too: it carried the old secrets.
        #expect(try office.enrol(byFirst, username: "nina.neu", passphrase: Self.counsellorPassphrase).status == 2)
    }

    @Test func theRecoveryCodeIsTheFirstLeadsAndRenewingRetiresTheOldOne() throws {
        let folder = try ServerProcess.temporaryFolder().appendingPathComponent("data")
        let first = try CLI.run(
            ["init", "--data", folder.path, "--office-name", "ADA Köln", "--admin", "lead.koeln", "--json"],
            stdin: "Kompass-Laterne-Ufer-77\n")
        #expect(first.status == 0, "\(first.output)")
        // `office add` is the operator's: it prints an invitation, never a recovery code.
        let added = try CLI.run(["office", "add", "--data", folder.path, "--name", "ADA Dortmund", "--json"])
        #expect(added.status == 0, "\(added.output)")
        #expect(added.json["recoveryCode"] == nil && !added.stdout.lowercased().contains("recovery"), "\(added.output)")
        let office = try #require(added.json["office"] as? String)
        let invitation = try #require(added.json["invitation"] as? String)
        // The first lead is shown the code at enrolment.
        let enrolled = try CLI.run(
            [
                "user", "enrol", "--data", folder.path, "--invitation", invitation, "--username", "lead.dortmund",
                "--json",
            ], stdin: "Hafen-Moewe-Kran-35\n")
        #expect(enrolled.status == 0, "\(enrolled.output)")
        let code = try #require(enrolled.json["recoveryCode"] as? String, "\(enrolled.output)")

        func recover(_ code: String, _ username: String) throws -> CommandResult {
            try CLI.run(
                ["office", "recover", "--data", folder.path, "--office", office, "--username", username],
                stdin: code + "\n" + "Neuer-Anfang-Leuchtturm-61\n")
        }
        // Renewing: the lead gets a new code; the enrolment's code opens nothing any more.
        let renewed = try CLI.run(
            [
                "office", "recovery-code", "renew", "--data", folder.path, "--office", office,
                "--as", "lead.dortmund", "--json",
            ], stdin: "Hafen-Moewe-Kran-35\n")
        #expect(renewed.status == 0, "\(renewed.output)")
        let newCode = try #require(renewed.json["recoveryCode"] as? String)
        #expect(newCode != code)
        let old = try recover(code, "rita.alt")
        #expect(old.status == 1, "\(old.output)")
        let fresh = try recover(newCode, "rita.neu")
        #expect(fresh.status == 0, "\(fresh.output)")
        let database = folder.appendingPathComponent("sichtbar.sqlite")
        #expect(
            try CLI.query(database, "SELECT count(*) FROM audit_event WHERE action = 'office.recovery_code_renewed'") == "2",
            "the enrolment's code and the renewal")
    }
}
