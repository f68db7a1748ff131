import Sealing
import SichtbarCore

/// What a lead sees about the office's keys: fingerprints, the Verband key the office pinned and
/// the one the server now has, and every problem found.
public struct KeyIntegrityReport: Sendable {
    public let office: Office
    public let recoveryKey: BoxPublicKey?
    public let members: [Member]
    /// Nil when the manifest is missing or not authentic.
    public let manifest: KeyManifest?
    public let problems: [KeyIntegrityProblem]
    /// The Verband key of this server's `verband` row, if any.
    public let serverVerbandKey: BoxPublicKey?

    public init(
        office: Office, recoveryKey: BoxPublicKey?, members: [Member], manifest: KeyManifest?,
        problems: [KeyIntegrityProblem], serverVerbandKey: BoxPublicKey?
    ) {
        self.office = office
        self.recoveryKey = recoveryKey
        self.members = members
        self.manifest = manifest
        self.problems = problems
        self.serverVerbandKey = serverVerbandKey
    }

    public var isIntact: Bool { problems.isEmpty }
    public var pinnedVerbandKey: BoxPublicKey? { manifest?.verbandPublicKey }
    /// The server's Verband key is not the one a lead confirmed: releases wait for a lead.
    public var verbandKeyNeedsConfirmation: Bool { serverVerbandKey != nil && serverVerbandKey != pinnedVerbandKey }
    /// Only a missing manifest may be confirmed by a lead; a forged one is an alarm.
    public var canConfirmManifest: Bool {
        problems.allSatisfy { $0.code == "manifest_missing" || $0.code == "manifest_unreadable" } && !problems.isEmpty
    }
}
