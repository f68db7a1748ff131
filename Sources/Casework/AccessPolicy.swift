import Foundation

/// Session lifetimes and login throttling from `Policies/access.yaml`.
public struct AccessPolicy: Sendable, Equatable {
    public var idleTimeout: Duration = .seconds(30 * 60)
    public var absoluteLifetime: Duration = .seconds(12 * 3600)
    public var baseDelay: Duration = .milliseconds(250)
    public var maximumDelay: Duration = .milliseconds(8000)
    public var forgetFailuresAfter: Duration = .seconds(15 * 60)
    public var hashingWorkers = 2
    public var hashingQueue = 32
    public var hashingMaximumWait: Duration = .seconds(10)

    public init() {}

    public static func load(from url: URL) throws -> AccessPolicy {
        try parse(try PolicyNode.text(at: url), file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> AccessPolicy {
        let root = try PolicyNode.parse(text, file: file)
        _ = try root.required("version", in: "the access policy").string("version")
        let session = try root.required("session", in: "the access policy")
        let login = try root.required("login", in: "the access policy")
        func number(_ node: PolicyNode, _ key: String, _ range: ClosedRange<Int>) throws -> Int {
            let child = try node.required(key, in: node.node == session.node ? "session" : "login")
            guard let value = Int(try child.string(key)), range.contains(value) else {
                throw child.error("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        var policy = AccessPolicy()
        policy.idleTimeout = .seconds(try number(session, "idle_minutes", 1...480) * 60)
        policy.absoluteLifetime = .seconds(try number(session, "absolute_hours", 1...24) * 3600)
        policy.baseDelay = .milliseconds(try number(login, "base_delay_ms", 0...5000))
        policy.maximumDelay = .milliseconds(try number(login, "max_delay_ms", 0...60000))
        policy.forgetFailuresAfter = .seconds(try number(login, "forget_after_minutes", 1...1440) * 60)
        policy.hashingWorkers = try number(login, "hashing_workers", 1...8)
        policy.hashingQueue = try number(login, "hashing_queue", 0...1000)
        policy.hashingMaximumWait = .seconds(try number(login, "hashing_max_wait_seconds", 1...120))
        if policy.idleTimeout > policy.absoluteLifetime {
            throw session.error("idle_minutes must not exceed absolute_hours")
        }
        return policy
    }
}
