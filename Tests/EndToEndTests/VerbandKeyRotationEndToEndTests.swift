import Foundation
import Testing

/// Removing an analyst gives the Verband a new key: the removed analyst's copy opens nothing sent
/// afterwards, earlier releases still open for the others, and offices confirm the new key first.
@Suite(.serialized) struct VerbandKeyRotationEndToEndTests {
    @Test func removingAnAnalystRotatesTheVerbandKeyAndOfficesConfirmTheNewOne() throws {
        let folder = try ServerProcess.temporaryFolder().appendingPathComponent("data")
        let work = folder.deletingLastPathComponent()
        let database = folder.appendingPathComponent("sichtbar.sqlite")
        let leadPassphrase = "Kompass-Laterne-Ufer-77"
        let initResult = try CLI.run(
            ["init", "--data", folder.path, "--office-name", "ADA Köln", "--admin", "lead.koeln", "--json"],
            stdin: leadPassphrase + "\n")
        let office = try #require(initResult.json["office"] as? String, "\(initResult.output)")
        let verband = try CLI.run(
            ["verband", "init", "--data", folder.path, "--name", "Verband NRW", "--analyst", "ana.eins", "--json"],
            stdin: "Tafel-Regen-Bruecke-42\n")
        let firstFingerprint = try #require(verband.json["fingerprint"] as? String, "\(verband.output)")
        let invite = try CLI.run(
            ["user", "invite", "--data", folder.path, "--role", "analyst", "--as", "ana.eins", "--json"],
            stdin: "Tafel-Regen-Bruecke-42\n")
        let token = try #require(invite.json["invitation"] as? String, "\(invite.output)")
        let enrolled = try CLI.run(
            ["user", "enrol", "--data", folder.path, "--invitation", token, "--username", "bo.zwei"],
            stdin: "Tafel-Regen-Bruecke-43\n")
        #expect(enrolled.status == 0, "\(enrolled.output)")
        func confirm(_ fingerprint: String) throws -> CommandResult {
            try CLI.run(
                [
                    "office", "confirm-verband-key", "--data", folder.path, "--office", office, "--as", "lead.koeln",
                    "--fingerprint", fingerprint,
                ], stdin: leadPassphrase + "\n")
        }
        func release(_ period: String) throws -> CommandResult {
            try CLI.run(
                [
                    "stats", "release", "--data", folder.path, "--office", office, "--period", period, "--as", "lead.koeln",
                    "--out", work.appendingPathComponent("\(period).json").path,
                ], stdin: leadPassphrase + "\n")
        }
        #expect(try confirm(firstFingerprint).status == 0)
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        #expect(try release("\(lastYear - 1)").status == 0)
        let oldKey = try CLI.query(database, "SELECT hex(public_key) FROM verband")

        // The last analyst cannot go; Bo can, and the key moves on in the same step.
        let removed = try CLI.run(
            ["user", "remove", "--data", folder.path, "--username", "bo.zwei", "--as", "ana.eins"],
            stdin: "Tafel-Regen-Bruecke-42\n")
        #expect(removed.status == 0, "\(removed.output)")
        let newKey = try CLI.query(database, "SELECT hex(public_key) FROM verband")
        #expect(newKey != oldKey)
        #expect(try CLI.query(database, "SELECT key_version FROM verband_manifest") == "2")
        #expect(try CLI.query(database, "SELECT count(*) FROM verband_key_seal") == "1", "sealed to the remaining analyst only")
        #expect(try CLI.query(database, "SELECT count(*) FROM audit_event WHERE action = 'verband.key_rotated'") == "1")
        let newFingerprint = try #require(
            removed.stdout.split(separator: "\n").last.map { String($0.split(separator: ":").last ?? "") }?
                .trimmingCharacters(in: .whitespaces))
        let lastAnalyst = try CLI.run(
            ["user", "remove", "--data", folder.path, "--username", "ana.eins", "--as", "ana.eins"],
            stdin: "Tafel-Regen-Bruecke-42\n")
        #expect(lastAnalyst.status == 2, "\(lastAnalyst.output)")
        #expect(lastAnalyst.stderr.contains("last analyst"), "\(lastAnalyst.output)")

        // The office sends nothing to the new key until its lead confirms it, then sends to it.
        let waiting = try release("\(lastYear)")
        #expect(waiting.status == 1, "\(waiting.output)")
        #expect(try confirm(newFingerprint).status == 0, "\(newFingerprint)")
        let sent = try release("\(lastYear)")
        #expect(sent.status == 0, "\(sent.output)")

        // The remaining analyst opens both releases: the old key stays in the ring.
        let merged = try CLI.run(
            [
                "stats", "merge", work.appendingPathComponent("\(lastYear - 1).json").path,
                "--as", "ana.eins", "--data", folder.path, "--out", work.appendingPathComponent("merged-old.json").path,
            ],
            stdin: "Tafel-Regen-Bruecke-42\n")
        #expect(merged.status == 0, "\(merged.output)")
        let mergedNew = try CLI.run(
            [
                "stats", "merge", work.appendingPathComponent("\(lastYear).json").path,
                "--as", "ana.eins", "--data", folder.path, "--out", work.appendingPathComponent("merged-new.json").path,
            ],
            stdin: "Tafel-Regen-Bruecke-42\n")
        #expect(mergedNew.status == 0, "\(mergedNew.output)")
        // Bo's passphrase opens nothing any more.
        let bo = try CLI.run(
            [
                "stats", "merge", work.appendingPathComponent("\(lastYear).json").path,
                "--as", "bo.zwei", "--data", folder.path, "--out", work.appendingPathComponent("bo.json").path,
            ],
            stdin: "Tafel-Regen-Bruecke-43\n")
        #expect(bo.status != 0, "\(bo.output)")
    }
}
