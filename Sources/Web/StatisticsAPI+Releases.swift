import Casework
import ContractSupport
import Foundation
import OpenAPIRuntime
import SichtbarCore
import Statistics
import StatisticsContract

/// A lead's statistics releases (CONTRACT.md `/api/v1/releases`): compute and freeze a closed
/// period's tables, preview them, send them sealed to the Verband. `ReleaseService` checks role
/// and office and audits; nothing here computes over a range other than a closed year or quarter.
extension StatisticsAPI {
    func listReleases(_ input: Operations.ListReleases.Input) async throws -> Operations.ListReleases.Output {
        let session = try RequestScope.requireMember()
        let releases = try await statistics.releases.list(session: session)
        return .ok(.init(body: .json(.init(releases: try releases.map { try Self.release($0) }))))
    }

    /// Computes and freezes the period's release, or returns the one already frozen (200 either way).
    func computeRelease(_ input: Operations.ComputeRelease.Input) async throws -> Operations.ComputeRelease.Output {
        let session = try RequestScope.requireMember()
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        guard let period = StatPeriod(body.period) else { throw StatisticsAPI.periodInvalid }
        let (stored, file) = try await statistics.releases.release(period, session: session)
        return .ok(.init(body: .json(try Self.release(stored, file: file))))
    }

    func previewRelease(_ input: Operations.PreviewRelease.Input) async throws -> Operations.PreviewRelease.Output {
        let session = try RequestScope.requireMember()
        let (stored, file) = try await statistics.releases.preview(id: try Self.id(input.path.id), session: session)
        return .ok(.init(body: .json(try Self.release(stored, file: file))))
    }

    /// Sends to this server's Verband; the answer carries the sealed envelope, for a Verband elsewhere.
    func sendRelease(_ input: Operations.SendRelease.Input) async throws -> Operations.SendRelease.Output {
        let session = try RequestScope.requireMember()
        let (stored, envelope) = try await statistics.releases.send(id: try Self.id(input.path.id), session: session)
        return .ok(.init(body: .json(try Self.release(stored, envelope: envelope))))
    }

    /// A release id of the path; text that cannot be one is as unknown as any other id.
    static func id(_ text: String) throws -> EntityID {
        guard let id = EntityID(hex: text) else { throw APIError.notFound }
        return id
    }

    /// A release as the API answers it; the tables only where the lead previews them. The file
    /// goes out as the statistics module writes it (a suppressed count stays `null`).
    static func release(_ stored: StoredRelease, file: StatFile? = nil, envelope: ReleaseEnvelope? = nil) throws
        -> Components.Schemas.Release
    {
        Components.Schemas.Release(
            id: stored.id.hex, period: stored.period, createdAt: try timestamp(stored.createdAt),
            sentAt: try stored.sentAt.map(timestamp), epsilon: stored.epsilon,
            file: file.map(EncodedValue.init),
            envelope: try envelope.map(Self.envelope))
    }

    static func envelope(_ envelope: ReleaseEnvelope) throws -> Components.Schemas.Release.EnvelopePayload {
        guard envelope.format == ReleaseEnvelope.currentFormat, let sealed = Data(base64Encoded: envelope.sealed) else {
            throw StatisticsAPI.notServable
        }
        return .init(
            format: .sichtbarRelease1, office: envelope.office, period: envelope.period, sealed: Base64EncodedData(sealed),
            checkpoint: try envelope.checkpoint.map { checkpoint in
                guard let sequence = Int(exactly: checkpoint.sequence) else { throw StatisticsAPI.notServable }
                return Components.Schemas.AuditCheckpoint(
                    chain: checkpoint.chain, sequence: sequence, hash: checkpoint.hash,
                    signature: checkpoint.signature, key: checkpoint.key, writtenAt: try timestamp(checkpoint.writtenAt))
            })
    }

    /// An audit timestamp (`2026-03-01T09:30:00Z`, `AuditEvent.timestamp`) as the date the
    /// generated encoder writes back in the same form.
    static func timestamp(_ text: String) throws -> Date {
        do {
            return try ISO8601DateTranscoder().decode(text)
        } catch {
            throw StatisticsAPI.notServable
        }
    }
}
