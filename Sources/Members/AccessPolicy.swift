import Foundation
import SichtbarCore

/// Session lifetimes, login throttling and who may assign cases, from `Policies/access.yaml`.
public struct AccessPolicy: Sendable, Equatable {
    public var idleTimeout: Duration = .seconds(30 * 60)
    public var absoluteLifetime: Duration = .seconds(12 * 3600)
    public var baseDelay: Duration = .milliseconds(250)
    public var maximumDelay: Duration = .milliseconds(8000)
    public var forgetFailuresAfter: Duration = .seconds(15 * 60)
    public var hashingWorkers = 2
    public var hashingQueue = 32
    public var hashingMaximumWait: Duration = .seconds(10)
    /// Failed logins one client address (an IPv6 address by its /64) may spend in `addressWindow`:
    /// a token bucket that refills completely over the window.
    public var addressFailures = 30
    public var addressWindow: Duration = .seconds(10 * 60)
    /// The roles that may set who works a case; leads always, counsellors where the office allows.
    public var assigners: Set<MemberRole> = [.lead]

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
            return try child.integer(key, in: range)
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
        // Optional, so an older access.yaml keeps working with the defaults.
        if let failures = login.optional("address_failures") {
            policy.addressFailures = try failures.integer("address_failures", in: 1...100_000)
        }
        if let window = login.optional("address_window_minutes") {
            policy.addressWindow = .seconds(try window.integer("address_window_minutes", in: 1...1440) * 60)
        }
        if let assignment = root.optional("assignment") {
            policy.assigners = try assigners(assignment)
        }
        if policy.idleTimeout > policy.absoluteLifetime {
            throw session.error("idle_minutes must not exceed absolute_hours")
        }
        return policy
    }

    /// `assignment: {assign: [lead]}` or `[lead, counsellor]`: leads always assign, so a list
    /// without them is a mistake, and analysts never work cases.
    static func assigners(_ assignment: PolicyNode) throws -> Set<MemberRole> {
        let list = try assignment.required("assign", in: "assignment")
        var roles: Set<MemberRole> = []
        for element in try list.elements("assign") {
            let name = try element.string("an entry of assign")
            guard let role = MemberRole(rawValue: name), role != .analyst else {
                throw element.error("assign names '\(name)'; it takes lead and counsellor")
            }
            roles.insert(role)
        }
        guard roles.contains(.lead) else { throw list.error("assign must name lead (leads always assign)") }
        return roles
    }
}
