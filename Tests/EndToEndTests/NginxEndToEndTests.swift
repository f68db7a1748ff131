import Foundation
import Testing

/// The shipped nginx configuration in front of the real binary, with a self-signed certificate:
/// reports over HTTPS with HSTS, plain HTTP redirected, a body above the limit refused by nginx, the
/// rate limit following each client's own address (clients on 127.0.0.2 and 127.0.0.3, a forged
/// X-Forwarded-For ignored), and no client address or user agent in any log or file.
@Suite(.serialized) struct NginxEndToEndTests {
    static let userAgent = "SichtbarE2E-Agent/7.3"

    /// curl from a given loopback source address; the status code and the response headers.
    static func curl(_ url: String, from source: String, body: String? = nil, headers: [String] = [], bodyFile: String? = nil) throws
        -> (code: Int, headers: String)
    {
        var arguments = [
            "-sk", "--interface", source, "-A", userAgent, "-o", "/dev/null", "-D", "-", "-w", "CODE=%{http_code}",
            "--max-time", "30",
        ]
        for header in headers { arguments += ["-H", header] }
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        if let bodyFile { arguments += ["-H", "Content-Type: application/json", "--data-binary", "@\(bodyFile)"] }
        let (_, output) = try Program.run("/usr/bin/curl", arguments + [url])
        let code = Int(output.components(separatedBy: "CODE=").last ?? "") ?? 0
        return (code, output)
    }

    @Test func reportsOverTLSAreLimitedPerClientAndNothingNamesTheClient() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx"), "Debian's nginx (.ci/install-deps)")
        let office = try OfficeFixture.create()
        let prefix = office.folder.deletingLastPathComponent().appendingPathComponent("nginx")
        let server = try await office.serve(["--trusted-proxy", "127.0.0.1", "--intake-per-address", "2"])
        defer { server.terminate() }
        let metrics = try MemberAPIClient.freePort()
        let onionPort = try MemberAPIClient.freePort()
        let nginx = try NginxProcess(prefix: prefix) { cert, key, https, http in
            let shipped = try String(contentsOf: ServerProcess.root.appendingPathComponent("deploy/nginx/sichtbar.conf"), encoding: .utf8)
            let site = NginxProcess.localSite(
                shipped, prefix: prefix, certificate: cert, key: key, https: https, http: http, metrics: metrics,
                upstreams: [("server 127.0.0.1:8080;", "server 127.0.0.1:\(server.port);")])
            let onion = try String(contentsOf: ServerProcess.root.appendingPathComponent("deploy/tor/nginx-onion.conf"), encoding: .utf8)
                .replacingOccurrences(of: "listen 127.0.0.1:8081;", with: "listen 127.0.0.1:\(onionPort);")
                .replacingOccurrences(
                    of: "/var/log/nginx/sichtbar-error.log", with: prefix.appendingPathComponent("logs/sichtbar-error.log").path)
            return site + "\n" + onion
        }
        defer { nginx.stop() }
        let (https, http) = (nginx.https, nginx.http)
        let url = "https://127.0.0.1:\(https)"
        var up = false
        for _ in 0..<50 where !up {
            up = (try Self.curl("\(url)/healthz", from: "127.0.0.1").code == 200)
            if !up { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(up, "nginx serves the service over TLS")

        let report =
            #"{"language": "de", "narrative": "Über nginx gemeldet: Die Wohnung wurde verweigert.", "contactWish": "mailbox", "consent": true}"#
        let first = try Self.curl("\(url)/api/v1/reports", from: "127.0.0.2", body: report)
        #expect(first.code == 201)
        #expect(first.headers.lowercased().contains("strict-transport-security: max-age=63072000; includesubdomains"))
        #expect(try Self.curl("\(url)/api/v1/reports", from: "127.0.0.2", body: report).code == 201)
        #expect(
            try Self.curl("\(url)/api/v1/reports", from: "127.0.0.2", body: report).code == 429, "the third from one address is refused")
        // Another client is its own bucket, and its forged X-Forwarded-For does not move it into another one.
        let forged = ["X-Forwarded-For: 198.51.100.7"]
        #expect(try Self.curl("\(url)/api/v1/reports", from: "127.0.0.3", body: report, headers: forged).code == 201)
        #expect(try Self.curl("\(url)/api/v1/reports", from: "127.0.0.3", body: report, headers: forged).code == 201)
        #expect(try Self.curl("\(url)/api/v1/reports", from: "127.0.0.3", body: report, headers: forged).code == 429)

        // The onion entrance (tor would connect from 127.0.0.1; here a client on 127.0.0.5 stands in).
        #expect(try Self.curl("http://127.0.0.1:\(onionPort)/api/v1/reports", from: "127.0.0.5", body: report).code == 201)

        let redirect = try Self.curl("http://127.0.0.1:\(http)/api/v1/offices", from: "127.0.0.4")
        #expect(redirect.code == 301 && redirect.headers.contains("Location: https://"))
        let large = prefix.appendingPathComponent("large.json")
        try Data(count: 52 * 1024 * 1024).write(to: large)
        #expect(try Self.curl("\(url)/api/v1/reports", from: "127.0.0.4", bodyFile: large.path).code == 413, "refused by nginx")
        try FileManager.default.removeItem(at: large)
        #expect(try Self.curl("http://127.0.0.1:\(metrics)/other", from: "127.0.0.1").code == 404)

        // Nothing anywhere names the clients or their browser: nginx's files, the data folder, the service's log.
        nginx.stop()
        server.terminate()
        var written: [(String, Data)] = [("service log", Data(server.log.utf8))]
        for root in [prefix, office.folder] {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where !file.hasDirectoryPath {
                if let data = try? Data(contentsOf: file) { written.append((file.path, data)) }
            }
        }
        #expect(written.count > 3)
        for (name, data) in written {
            for needle in ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "198.51.100.7", "SichtbarE2E-Agent"] {
                #expect(data.range(of: Data(needle.utf8)) == nil, "\(name) contains \(needle)")
            }
        }
    }
}
