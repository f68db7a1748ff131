import Foundation
import Testing

/// Debian's nginx with a site of the repository's `deploy/nginx/`, in a folder of its own (its
/// temp files and logs there), a self-signed certificate, serving until `stop()`.
final class NginxProcess {
    let prefix: URL
    let https: Int
    let http: Int
    private let process = Process()

    /// Writes the certificate, `site` (with its ports and paths already replaced by the caller
    /// through `configure`), the main configuration, checks it with `nginx -t`, and starts nginx.
    init(prefix: URL, site: (_ certificate: String, _ key: String, _ https: Int, _ http: Int) throws -> String) throws {
        self.prefix = prefix
        for folder in ["", "tmp", "logs"] {
            try FileManager.default.createDirectory(
                at: prefix.appendingPathComponent(folder), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        }
        let certificate = prefix.appendingPathComponent("cert.pem").path
        let key = prefix.appendingPathComponent("key.pem").path
        let made = try Program.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", "/CN=localhost", "-keyout", key, "-out", certificate,
            ])
        guard made.status == 0 else { throw E2EError("openssl: \(made.output)") }
        https = try MemberAPIClient.freePort()
        http = try MemberAPIClient.freePort()
        try site(certificate, key, https, http).write(to: prefix.appendingPathComponent("site.conf"), atomically: true, encoding: .utf8)
        let main = """
            worker_processes 1;
            pid \(prefix.path)/nginx.pid;
            error_log \(prefix.path)/logs/error.log warn;
            events { worker_connections 256; }
            http {
                client_body_temp_path \(prefix.path)/tmp/body;
                proxy_temp_path \(prefix.path)/tmp/proxy;
                fastcgi_temp_path \(prefix.path)/tmp/fastcgi;
                uwsgi_temp_path \(prefix.path)/tmp/uwsgi;
                scgi_temp_path \(prefix.path)/tmp/scgi;
                include \(prefix.path)/site.conf;
            }
            """
        let configuration = prefix.appendingPathComponent("nginx.conf").path
        try main.write(toFile: configuration, atomically: true, encoding: .utf8)
        let check = try Program.run("/usr/sbin/nginx", ["-t", "-p", prefix.path, "-c", configuration])
        guard check.status == 0 else { throw E2EError("nginx -t: \(check.output)") }
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-p", prefix.path, "-c", configuration, "-g", "daemon off;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var url: String { "https://127.0.0.1:\(https)" }

    /// A shipped site made local: `upstreams` first (the service's addresses), then loopback
    /// ports instead of 80, 443 and the metrics port, no IPv6 listeners, the test's certificate,
    /// the error log under `prefix`. Every text replaced must be in the shipped file, so a change
    /// there that the test no longer covers fails it.
    static func localSite(
        _ shipped: String, prefix: URL, certificate: String, key: String, https: Int, http: Int, metrics: Int,
        upstreams: [(String, String)]
    ) -> String {
        let replacements =
            upstreams + [
                ("    listen [::]:80;\n", ""), ("    listen [::]:443 ssl http2;\n", ""),
                ("listen 80;", "listen 127.0.0.1:\(http);"), ("listen 443 ssl http2;", "listen 127.0.0.1:\(https) ssl http2;"),
                ("listen 127.0.0.1:9091;", "listen 127.0.0.1:\(metrics);"),
                ("/etc/letsencrypt/live/sichtbar.example.org/fullchain.pem", certificate),
                ("/etc/letsencrypt/live/sichtbar.example.org/privkey.pem", key),
                ("/var/log/nginx/sichtbar-error.log", prefix.appendingPathComponent("logs/sichtbar-error.log").path),
            ]
        var site = shipped
        for (from, to) in replacements {
            #expect(site.contains(from), "the shipped configuration has \(from.debugDescription)")
            site = site.replacingOccurrences(of: from, with: to)
        }
        return site
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitQuietly()
    }

    /// curl from loopback address `source` through nginx, keeping cookies in `jar` when given;
    /// the status code and the body.
    static func curl(
        _ url: String, from source: String, jar: String? = nil, form: [(String, String)]? = nil, json: String? = nil
    ) throws -> (code: Int, body: String) {
        var arguments = ["-sk", "--interface", source, "--max-time", "30", "-w", "\nCODE=%{http_code}"]
        if let jar { arguments += ["-b", jar, "-c", jar] }
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        for (name, value) in form ?? [] { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let (_, output) = try Program.run("/usr/bin/curl", arguments + [url])
        let parts = output.components(separatedBy: "\nCODE=")
        return (Int(parts.last ?? "") ?? 0, parts.dropLast().joined(separator: "\nCODE="))
    }
}
