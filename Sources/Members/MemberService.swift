import Foundation
import Sealing
import SichtbarCore

/// Everything members do that is not casework: log in and out, invite, enrol, remove, change
/// roles and passphrases, recover and rotate office keys, read the audit trail. The command line
/// and the web routes both go through here, and every change is recorded by the store in the
/// same transaction as the change itself.
public struct MemberService: Sendable {
    public let store: any MemberStore
    public let sessions: SessionRegistry
    let throttle: LoginThrottle
    let pool: PassphraseHashingPool
    /// Unknown usernames are checked against this wrap, so their answer costs the same Argon2id.
    let dummy: Member
    let passphrasePolicy: PassphrasePolicy
    /// The access policy the service was made with (who may assign cases, among others).
    public let accessPolicy: AccessPolicy
    /// How long a rotation waits after switching keys before it deletes the old office secret:
    /// intake may still seal to the old key for a moment (its office cache lives 2 s).
    let rotationGrace: Duration

    /// `passphrases` defaults to the few built-in deny-listed passphrases, for tests; the server
    /// and the command line pass the list loaded from `Policies/common-passwords.txt`.
    public init(
        store: any MemberStore, policy: AccessPolicy, rotationGrace: Duration = .seconds(10),
        passphrases: PassphrasePolicy = PassphrasePolicy()
    ) throws {
        self.store = store
        self.accessPolicy = policy
        self.passphrasePolicy = passphrases
        self.sessions = SessionRegistry(policy: policy)
        self.throttle = LoginThrottle(policy: policy)
        self.pool = PassphraseHashingPool(
            workers: policy.hashingWorkers, queueLimit: policy.hashingQueue,
            maximumWait: policy.hashingMaximumWait)
        self.rotationGrace = rotationGrace
        dummy = try Member.create(username: "", officeID: nil, role: .counsellor, passphrase: SecureBytes(randomCount: 32)).0
    }

    // MARK: Authentication

    /// Checks a username and passphrase and returns an unregistered session with the member's
    /// keys. Unknown usernames and wrong passphrases fail alike, after the same work. The
    /// throttle admits the attempt first and counts it as failed before the hash runs;
    /// `address` is the client's (nil from the command line), for the per-address bucket.
    public func authenticate(username: String, passphrase: SecureBytes, from address: String? = nil) async throws -> Session {
        let attempt = try await throttle.begin(username, address: address)
        let found: (member: Member, keyPair: BoxKeyPair, root: [UInt8]?)?
        do {
            let member = try await store.member(username: username)
            let candidate = member ?? dummy
            let keys = try await hashing { try? candidate.unlockKeys(passphrase: passphrase) }
            if let member, let keys, keys.keyPair.publicKey == member.publicKey {
                found = (member, keys.keyPair, keys.root)
            } else {
                found = nil
            }
        } catch {
            await throttle.finish(attempt, succeeded: false)
            throw error
        }
        await throttle.finish(attempt, succeeded: found != nil)
        guard let found else { throw AccessError.unauthorized }
        let member = found.member
        let unlocked = (keyPair: found.keyPair, root: found.root)
        var ring: VerbandRing?
        if member.role == .analyst {
            guard let seal = try await store.verbandSeal(memberID: member.id) else { throw AccessError.keysUnavailable }
            ring = try VerbandRing(ring: SealedBox.open(seal, with: unlocked.keyPair))
        }
        return Session(member: member, keys: unlocked.keyPair, officeRoot: unlocked.root, verbandRing: ring)
    }

    /// Authenticates and registers a session; returns its bearer token.
    public func login(username: String, passphrase: SecureBytes, from address: String? = nil) async throws -> (
        token: String, session: Session
    ) {
        let session = try await authenticate(username: username, passphrase: passphrase, from: address)
        try await record(session, .login)
        if let member = try await store.member(username: session.username), member.id == session.memberID {
            if member.role == .analyst {
                try await checkAnalystAtLogin(session)
            } else {
                try await checkAtLogin(session, member: member, passphrase: passphrase)
            }
        }
        let token = await sessions.open(session)
        if let officeID = session.officeID, session.isLead {
            let running = try await store.rotation(officeID: officeID) != nil
            let requested = try await store.rotationRequested(officeID: officeID)
            if running || requested {
                resumeRotationInBackground(officeID: officeID, session: session)
            }
        }
        return (token, session)
    }

    /// The live session behind a token. The member is looked up again on every request: a
    /// member removed, demoted or recovered by another process (the command line beside a running
    /// server) loses their sessions at once, not at the idle timeout.
    public func session(token: String) async -> Session? {
        guard let session = await sessions.session(token: token) else { return nil }
        guard let member = try? await store.member(username: session.username), member.id == session.memberID,
            member.publicKey == session.memberKeys.publicKey, member.role == session.role
        else {
            await sessions.close(token: token)
            return nil
        }
        return session
    }

    public func logout(token: String) async throws {
        guard let session = await sessions.close(token: token) else { throw AccessError.unauthorized }
        try await record(session, .logout)
    }

    // MARK: Audit

    /// The chain a member's actions go to: their office's, or the Verband's for analysts.
    func chain(of session: Session) async throws -> EntityID {
        if let officeID = session.officeID { return officeID }
        guard let verband = try await store.verband() else { throw AccessError.keysUnavailable }
        return verband.id
    }

    /// Records one action of a member: the single place member actions reach the audit chain.
    public func record(_ session: Session, _ action: AuditAction, _ subject: String = "") async throws {
        try await store.record([.member(session.username, action, subject)], chain: try await chain(of: session))
    }

    /// Audit entries of the lead's office from `sequence` on; reading them is itself recorded.
    public func auditEntries(for session: Session, from sequence: UInt64, limit: Int) async throws -> [AuditEntry] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        try await record(session, .auditViewed)
        return try await store.auditEntries(chain: officeID, from: max(sequence, 1), limit: min(max(limit, 1), 500))
    }

    /// Entries about one case or member, for a lead.
    public func auditEntries(for session: Session, subject: String, limit: Int) async throws -> [AuditEntry] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        try await record(session, .auditViewed, subject)
        return try await store.auditEntries(chain: officeID, subject: subject, limit: min(max(limit, 1), 500))
    }

    /// Entries of the lead's office matching `filter`, newest first; reading them is recorded.
    public func auditEntries(for session: Session, filter: AuditFilter, before: UInt64?, limit: Int) async throws -> [AuditEntry] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        try await record(session, .auditViewed, filter.actor.map { "actor \($0)" } ?? "")
        return try await store.auditEntries(chain: officeID, filter: filter, before: before, limit: min(max(limit, 1), 500))
    }

    /// A signed checkpoint of the lead's office chain, to keep outside the server.
    public func checkpoint(for session: Session) async throws -> AuditCheckpoint {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        return try await store.checkpoint(chain: officeID, by: session.username)
    }

    // MARK: Checks shared by the member operations

    func requireLead(_ session: Session) throws -> EntityID {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        return officeID
    }

    func checkNewPassphrase(_ passphrase: SecureBytes, username: String) throws {
        let text = passphrase.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        if case .rejected(let reason) = passphrasePolicy.check(text, username: username) {
            throw FieldError.invalid(field: "passphrase", message: reason)
        }
    }

    public static func checkUsername(_ username: String) throws {
        let allowed = username.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
        guard (3...64).contains(username.count), allowed else {
            throw FieldError.invalid(field: "username", message: "a username has 3 to 64 characters of a-z, 0-9, '.', '-' and '_'")
        }
    }

    /// Argon2id hashes started since the service was made (for the metrics page; no names).
    public var passphraseHashes: Int { pool.jobsStarted }

    /// Login attempts the throttle refused without hashing, since start (metrics; no names).
    public func throttledAttempts() async -> Int { await throttle.refusals }

    /// Runs Argon2id work on the pool; a full pool answers `AccessError.busy`.
    func hashing<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await pool.run(body)
        } catch PassphraseHashingPool.Refusal.busy {
            throw AccessError.busy
        }
    }

    /// Wraps a member secret under a new passphrase on the hashing pool.
    func wrap(_ secret: SecureBytes, passphrase: SecureBytes) async throws -> PassphraseWrap {
        try await hashing { try PassphraseWrap.wrap(secret, passphrase: passphrase) }
    }
}
