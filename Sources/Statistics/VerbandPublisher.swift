import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// The Verband's side of releases: an analyst opens what the offices sent (sealed to the
/// Verband's key), `VerbandMerge` checks and merges them and applies disclosure control once,
/// the result is signed with the server key and kept as the period's publication. What the
/// `stats merge` command, the analysts' page and the demo share.
public struct VerbandPublisher: Sendable {
    public let merge: VerbandMerge
    public let releases: any ReleaseStore
    public let published: any PublishedStatisticsStore
    let signer: SigningKeyPair
    let now: @Sendable () -> Date

    /// A detached signature by the key that signs the publications: for a published table's
    /// CSV download, verified like the JSON file with the server's signing key.
    public func signature(of bytes: [UInt8]) -> StatSignature {
        StatSignature(signing: bytes, with: signer)
    }

    public init(
        merge: VerbandMerge, releases: any ReleaseStore, published: any PublishedStatisticsStore, signer: SigningKeyPair,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.merge = merge
        self.releases = releases
        self.published = published
        self.signer = signer
        self.now = now
    }

    /// The releases the offices of this server sent for `period`, opened with the analyst's Verband key.
    public func received(_ period: StatPeriod, session: Session) async throws -> [[UInt8]] {
        let keys = try analystKeys(session)
        return try await releases.sentReleases().filter { $0.period == period.description }.compactMap(\.verbandCopy).map { copy in
            try Self.open(copy, withAnyOf: keys)
        }
    }

    /// Opens `files` (envelopes sealed to the Verband, or signed statistics files as they are),
    /// merges and protects them together with everything already published for the same year
    /// (the year, its quarters, earlier publications of the period), signs the result and
    /// publishes it for its period (replacing an earlier publication, which stays in the
    /// history), audited as `statistics.published`. A refusal names the file and why.
    public func publish(_ files: [[UInt8]], session: Session) async throws -> (published: PublishedStatistics, merged: MergedStatistics) {
        let keys = try analystKeys(session)
        var opened: [[UInt8]] = []
        for (index, bytes) in files.enumerated() {
            if let envelope = ReleaseEnvelope(bytes: bytes) {
                do {
                    opened.append(try envelope.open(withAnyOf: keys))
                } catch {
                    throw FieldError.invalid(
                        field: "file",
                        message: "file \(index + 1) (\(envelope.office), \(envelope.period)) is not sealed to this Verband's key")
                }
            } else {
                opened.append(bytes)
            }
        }
        let year = opened.lazy.compactMap { StatFile.open($0, key: nil).file?.period.year }.first
        switch merge.merge(opened, on: Day(now()), published: try await earlierPublications(year: year)) {
        case .refused(let refusal):
            throw FieldError.invalid(field: "file", message: refusal.message)
        case .merged(let merged):
            let signed = try merged.file.signed(with: signer)
            let at = now()
            let publication = PublishedStatistics(
                period: merged.file.period.description, publishedAt: AuditEvent.timestamp(at),
                releaseCount: opened.count, file: try signed.serialised())
            try await published.publish(
                publication,
                audit: .member(
                    session.username, .statisticsPublished,
                    "\(publication.period) from \(opened.count) releases", at: at))
            return (publication, merged)
        }
    }

    /// Every publication ever made for `year` (replaced ones included), each checked against
    /// this Verband's signing key: disclosure control trusts them as what the public has, so a
    /// stored file the operator changed would protect the new tables against the wrong numbers.
    func earlierPublications(year: Int?) async throws -> [StatFile] {
        guard let year else { return [] }
        var files: [StatFile] = []
        for publication in try await published.history() where StatPeriod(publication.period)?.year == year {
            let (file, verdict) = StatFile.open(publication.file, key: signer.publicKey)
            guard verdict.isValid, let file, file.period.description == publication.period else {
                throw FieldError.invalid(
                    field: "file",
                    message: "the earlier publication of \(publication.period) (\(publication.publishedAt)) "
                        + "does not verify against this Verband's key, so the new publication cannot be protected against it")
            }
            files.append(file)
        }
        return files
    }

    static func open(_ copy: [UInt8], withAnyOf keys: [BoxKeyPair]) throws -> [UInt8] {
        for key in keys {
            if let plain = try? SealedBox.open(copy, with: key) { return plain.withUnsafeBytes { Array($0) } }
        }
        throw SealingError.authenticationFailed
    }

    /// Every Verband key the analyst holds, newest first: a release sealed before an analyst's
    /// removal rotated the key still opens.
    func analystKeys(_ session: Session) throws -> [BoxKeyPair] {
        guard session.role == .analyst else { throw AccessError.notFound }
        if let ring = session.verbandRing { return ring.keyPairs.reversed() }
        guard let keys = session.verbandKeys else { throw AccessError.keysUnavailable }
        return [keys]
    }
}
