import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// A lead's releases: the tables of a closed year or quarter, computed once and frozen (signed
/// over RFC 8785 canonical JSON, sealed under the office statistics key), previewed, and sent
/// once to the Verband sealed to its key. Every step is audited; asked again for a period, the
/// frozen release stands.
public struct ReleaseService: Sendable {
    public let statistics: OfficeStatistics
    public let releases: any ReleaseStore
    let signer: SigningKeyPair
    let now: @Sendable () -> Date
    /// Where `mode: dp` draws its noise: libsodium, or a seeded generator in tests.
    public var noiseSource: @Sendable () -> any RandomSource = { SystemRandomSource() }

    public init(
        statistics: OfficeStatistics, releases: any ReleaseStore, signer: SigningKeyPair, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.statistics = statistics
        self.releases = releases
        self.signer = signer
        self.now = now
    }

    /// The frozen release of `period`, computed now if the office has none yet.
    /// How many of the office's cases were classified in the period: none means the release
    /// would freeze empty tables, which the lead is asked to confirm first.
    public func classifiedCount(_ period: StatPeriod, session: Session) async throws -> Int {
        let (officeID, _) = try await leadSecrets(session)
        let months = Set(period.months)
        return try await statistics.classifications(of: officeID, through: period, session: session).filter { months.contains($0.month) }
            .count
    }

    public func release(_ period: StatPeriod, session: Session) async throws -> (stored: StoredRelease, file: StatFile) {
        let (officeID, secrets) = try await leadSecrets(session)
        if let existing = try await releases.releases(officeID: officeID).first(where: { $0.period == period.description }) {
            return (existing, try open(existing, secrets: secrets))
        }
        let (tables, epsilon) = try await releasedTables(
            try await statistics.tables(for: period, session: session),
            period: period, officeID: officeID)
        let file = try StatFile(
            scope: .office, office: officeID.hex, period: period, policy: statistics.policy.digest,
            taxonomy: statistics.counter.vocabulary.taxonomy.version, generatedOn: Day(now()), tables: tables
        )
        .signed(with: signer)
        let id = EntityID.random()
        guard let key = secrets.statisticsKey(version: secrets.version) else { throw AccessError.keysUnavailable }
        let sealed = try RecordCipher.seal(
            try file.serialised(), key: key,
            association: Self.association(officeID, id, period.description, secrets.version, epsilon: epsilon))
        let stored = try await releases.freeze(
            StoredRelease(
                id: id, officeID: officeID, period: period.description, createdAt: AuditEvent.timestamp(now()),
                keyVersion: secrets.version, sealed: sealed, epsilon: epsilon),
            audit: .member(session.username, .releaseFrozen, period.description, at: now()),
            admit: admission(epsilon, period: period, secrets: secrets))
        return (stored, stored.id == id ? file : try open(stored, secrets: secrets))
    }

    /// What a release's seal is bound to. Under `mode: dp` the ε it spent is part of it, so an
    /// operator who lowers (or erases) the stored ε to free budget makes the release unreadable,
    /// and the ledger check, which opens every release, refuses. Exact releases keep the old form.
    static func association(_ officeID: EntityID, _ id: EntityID, _ period: String, _ version: UInt32, epsilon: String?)
        -> RecordAssociation
    {
        RecordAssociation(
            caseID: officeID.bytes, kind: epsilon.map { "release:\(period):epsilon:\($0)" } ?? "release:\(period)",
            recordID: id.bytes, keyVersion: version)
    }

    func open(_ stored: StoredRelease, secrets: OfficeSecrets) throws -> StatFile {
        guard let key = secrets.statisticsKey(version: stored.keyVersion) else { throw AccessError.keysUnavailable }
        let bytes = try RecordCipher.open(
            stored.sealed, key: key,
            association: Self.association(
                stored.officeID, stored.id, stored.period, stored.keyVersion,
                epsilon: stored.epsilon))
        let (file, verdict) = bytes.withUnsafeBytes { StatFile.open(Array($0), key: signer.publicKey) }
        guard verdict.isValid, let file else { throw SealingError.authenticationFailed }
        return file
    }

    func leadSecrets(_ session: Session) async throws -> (EntityID, OfficeSecrets) {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        guard let office = try await statistics.members.office(id: officeID) else { throw AccessError.notFound }
        return (officeID, try await session.officeSecrets(version: office.keyVersion, store: statistics.members))
    }
}
