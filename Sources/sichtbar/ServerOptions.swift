import ArgumentParser

/// The listener and limit flags of `serve` and `demo`.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port of the public listener.") var port = 8080
    @Option(name: .customLong("metrics-port"), help: "Port of the metrics listener (0: none).") var metricsPort = 9090
    @Option(name: .customLong("trusted-proxy"), help: "The reverse proxy whose X-Forwarded-For is believed.")
    var trustedProxy: String?
    @Option(name: .customLong("intake-per-address"), help: "Reports per client address and hour (0: no cap).")
    var intakePerAddress = 20
    @Option(name: .customLong("intake-global"), help: "Reports per second for the whole service (0: no cap).")
    var intakeGlobal = 50
    @Option(name: .customLong("mailbox-per-address"), help: "Mailbox requests per client address and minute (0: no cap).")
    var mailboxPerAddress = 30
    @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has to send its first request head.")
    var headerTimeout = 10.0
    @Option(name: .customLong("idle-timeout"), help: "Seconds a kept-alive connection may wait between requests.")
    var idleTimeout = 30.0
    @Option(
        name: .customLong("connections-per-address"),
        help: "Connections one client address (IPv6: its /64) may hold open (0: no cap; the trusted proxy is exempt).")
    var connectionsPerAddress = 64
    @Option(
        name: .customLong("max-connections"),
        help: "Connections open at once in all (kept below the open-files limit); more wait in the backlog.")
    var maxConnections = 10_000
    @Option(
        name: .long,
        help: "The sendmail program notifications are handed to (default /usr/sbin/sendmail when it exists; \"\" turns them off).")
    var sendmail: String?
    @Option(name: .customLong("notify-interval"), help: "At most one notification mail per address in this many seconds.")
    var notifyInterval = 3600
    @Option(name: .customLong("notify-from"), help: "The sender address of notification mails.")
    var notifyFrom = "sichtbar@localhost.localdomain"
    @Option(name: .customLong("public-url"), help: "The address members log in at, named in notification mails (https://…).")
    var publicURL: String?
    @Option(name: .customLong("database-connections"), help: "PostgreSQL connections of the server's pool (SQLite: ignored).")
    var databaseConnections = 16
    @Option(
        name: .customLong("intake-wait"),
        help: "PostgreSQL: seconds a reporter waits for the commit (a synchronous standby that is down holds it) before 503.")
    var intakeWait = 30
    @Flag(
        inversion: .prefixedNo,
        help:
            "Run the daily audit flush, retention and notification mails here (one process of a deployment; --no-background-jobs on the others)."
    )
    var backgroundJobs = true
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
}
