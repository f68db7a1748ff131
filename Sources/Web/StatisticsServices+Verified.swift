import Casework
import Logging
import Statistics

extension StatisticsServices {
    /// A publication's file, decoded from exactly the bytes that verify under `publisherKey`, and
    /// only if it is the Verband's file of the period it is stored under. Anything else (changed
    /// on disk, signed by another key, filed under the wrong period) is nil and logged with the
    /// period and the verdict's kind, never with its content.
    func verified(_ publication: PublishedStatistics, logger: Logger) -> StatFile? {
        let (file, verdict) = StatFile.open(publication.file, key: publisherKey)
        guard let file, verdict.isValid, file.scope == .verband, file.period.description == publication.period else {
            logger.error(
                "published statistics fail verification",
                metadata: [
                    "period": "\(publication.period)", "verdict": "\(Self.kind(of: verdict))",
                ])
            return nil
        }
        return file
    }

    /// The verdict without its reason text, for the log.
    static func kind(of verdict: StatFileVerdict) -> String {
        switch verdict {
        case .valid: return "valid-but-misfiled"
        case .unsigned: return "unsigned"
        case .wrongAlgorithm: return "wrong-algorithm"
        case .keyMismatch: return "key-mismatch"
        case .badSignature: return "bad-signature"
        case .malformed: return "malformed"
        }
    }

    /// Every yearly publication up to `year` that verifies, oldest first: the trend's input. One
    /// that does not verify is left out (and logged) rather than spoiling the rest.
    func verifiedYears(through year: Int, logger: Logger) async throws -> [StatFile] {
        try await published.publications()
            .filter { $0.period.count == 4 && (Int($0.period) ?? Int.max) <= year }
            .compactMap { verified($0, logger: logger) }
            .sorted { $0.period.year < $1.period.year }
    }
}
