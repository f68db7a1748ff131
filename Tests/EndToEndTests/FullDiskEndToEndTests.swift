import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A full disk on the real binary: the data folder on a small tmpfs, filled up while the service
/// runs. `/healthz` answers 503, a report is refused with 503 (the form with its translated page),
/// every report answered 201 before is there and nothing else, and once space returns the service
/// takes reports again by itself. Needs root, to mount the tmpfs.
@Suite(.serialized) struct FullDiskEndToEndTests {
    @Test func aFullDiskRefusesReportsCleanlyAndTheServiceRecoversByItself() async throws {
        try #require(getuid() == 0, "mounting the tmpfs needs root (CI runs as root)")
        let mountPoint = try ServerProcess.temporaryFolder().appendingPathComponent("tmpfs")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mounted = try Program.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", mountPoint.path])
        try #require(mounted.status == 0, "\(mounted.output)")
        defer { _ = try? Program.run("/usr/bin/umount", ["-l", mountPoint.path]) }

        let folder = mountPoint.appendingPathComponent("data")
        let initResult = try CLI.run(
            ["init", "--data", folder.path, "--office-name", "ADA Köln", "--admin", "lead.koeln", "--json"],
            stdin: "Kompass-Laterne-Ufer-77\n")
        try #require(initResult.status == 0, "\(initResult.output)")
        let officeID = try #require(initResult.json["office"] as? String)
        let office = OfficeFixture(
            folder: folder, office: officeID, recoveryCode: "", signingKey: "", lead: "lead.koeln",
            leadPassphrase: "Kompass-Laterne-Ufer-77")
        let profile = try CLI.run(
            [
                "office", "profile", "--data", folder.path, "--office", officeID, "--as", "lead.koeln",
                "--controller", "Träger e. V. (Test)", "--law", "dsgvo", "--dpo", "datenschutz@example.org",
            ],
            stdin: "Kompass-Laterne-Ufer-77\n")
        try #require(profile.status == 0, "\(profile.output)")
        let server = try await office.serve(["--intake-per-address", "0", "--intake-global", "0", "--mailbox-per-address", "0"])
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        var receipts: [String] = []
        for _ in 0..<5 { receipts.append(try await api.report(uniqueNarrative("before"))) }

        // Fill the file system to the last byte.
        let filler = mountPoint.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(repeating: 0x5a, count: 1 << 16)
        while (try? handle.write(contentsOf: block)) != nil {}
        var small = Data(repeating: 0x5a, count: 512)
        while !small.isEmpty {
            if (try? handle.write(contentsOf: small)) == nil { small = small.prefix(small.count / 2) }
        }
        try? handle.close()

        let unhealthy = try await waitUntil(seconds: 15) {
            try await HTTP.get("\(server.baseURL)/healthz").0 == 503
        }
        #expect(unhealthy, "/healthz says 503 when the disk is full")
        // Reports may still fit into the write-ahead log's free room; the first that does not is refused.
        var refusedStatus = 0
        var refusedBody = ""
        for _ in 0..<300 {
            let narrative = uniqueNarrative("full")
            let (status, body) = try await api.call(
                "POST", "/reports",
                body: [
                    "language": "de", "narrative": narrative, "contactWish": "mailbox",
                    "consent": true,
                ])
            if status == 201, let receipt = HTTP.json(body)["receipt"] as? String {
                receipts.append(receipt)
            } else {
                (refusedStatus, refusedBody) = (status, body)
                break
            }
        }
        #expect(refusedStatus == 503 && errorCode(refusedBody) == "unavailable", "\(refusedStatus) \(refusedBody)")
        // The form gets its translated page (Turkish here), and says nothing was stored. The
        // background checkpointer may meanwhile have reset the write-ahead log, whose file then
        // has room again for a few reports: a form that is taken gets its receipt page and counts.
        var refusedForm: (Int, String)?
        for _ in 0..<100 where refusedForm == nil {
            let form = try await HTTP.get("\(server.baseURL)/?lang=tr")
            #expect(form.0 == 200, "the pages themselves still load")
            let token = form.1.components(separatedBy: "name=\"token\" value=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            let page = try await HTTP.post(
                "\(server.baseURL)/receipt?lang=tr",
                form: [
                    ("token", String(token)), ("language", "tr"),
                    ("narrative", uniqueNarrative("Form üzerinden gönderildi")),
                    ("contactWish", "mailbox"), ("consent", "yes"),
                ])
            if page.0 == 201,
                let receipt = page.1.replacing(/<[^>]+>/, with: "").firstMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}/)
            {
                receipts.append(String(receipt.0))
            } else {
                refusedForm = page
            }
        }
        let page = try #require(refusedForm, "a form is refused while the disk stays full")
        #expect(page.0 == 503, "the form is refused too: \(page.0)")
        #expect(page.1.contains("Şu anda mümkün değil"), "in the reporter's language")

        // Space returns: the service takes reports again by itself, and every acknowledged report is there.
        try FileManager.default.removeItem(at: filler)
        let healthy = try await waitUntil(seconds: 20) { try await HTTP.get("\(server.baseURL)/healthz").0 == 200 }
        #expect(healthy, "/healthz recovers")
        receipts.append(try await api.report(uniqueNarrative("after")))
        #expect(try office.caseCount() == receipts.count, "each 201 has its case, and nothing half-written was kept")
        for receipt in receipts {
            #expect(try await api.call("POST", "/mailbox", body: ["receipt": receipt]).status == 200)
        }
        server.terminate()
        let verify = try CLI.run(["audit", "verify", "--data", folder.path])
        #expect(verify.status == 0, "\(verify.output)")
    }
}
