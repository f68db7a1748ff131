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
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
}
