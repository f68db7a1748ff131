import App
import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// What member commands need: the store with the server's signing key, and the member service
/// the web routes use too, so the command line follows the same rules and leaves the same audit.
struct MemberContext {
    /// The opened store, for what only its engine offers.
    let opened: CommandStore
    let secrets: ServerSecrets
    let store: any OperatorMemberStore
    /// Every seam over the same database, for commands that reach past members.
    let stores: Stores
    let service: MemberService

    /// A rotation waits this long before deleting the old office secret, so a running server's
    /// cached office key (2 s) cannot outlive it.
    static let rotationGrace = Duration.seconds(5)

    init(_ options: DataOptions) async throws {
        try await self.init(opened: try await options.open())
    }

    init(opened: CommandStore) throws {
        self.opened = opened
        secrets = opened.secrets
        store = opened.members()
        stores = opened.stores()
        // The built-in access policy: a command reads no access.yaml, only the passphrase deny-list.
        service = try AppServices.memberService(
            store: stores, access: AccessPolicy(), passphrases: try PassphrasePolicy.fromPolicies(),
            rotationGrace: Self.rotationGrace)
    }

    /// `--as USER`: reads the passphrase and opens the member's keys.
    func authenticate(_ username: String) async throws -> Session {
        let passphrase = try PassphraseReader.read(prompt: "Passphrase for \(username): ")
        return try await service.authenticate(username: username, passphrase: passphrase)
    }

    /// `--as LEAD` of `officeID`.
    func authenticateLead(_ username: String, officeID: EntityID) async throws -> Session {
        let session = try await authenticate(username)
        guard session.isLead, session.officeID == officeID else {
            throw CLIError.checkFailed("\(username) is not a lead of this office")
        }
        return session
    }

    /// `--office ID --as LEAD`, shared by the lead's office commands: a malformed id is refused
    /// before the data folder is opened, and the folder opened before the passphrase is read.
    static func lead(
        _ username: String, office: String,
        options: DataOptions
    ) async throws -> (officeID: EntityID, context: MemberContext, session: Session) {
        let officeID = try Self.officeID(office)
        let context = try await MemberContext(options)
        return (officeID, context, try await context.authenticateLead(username, officeID: officeID))
    }

    static func officeID(_ text: String) throws -> EntityID {
        guard let id = EntityID(hex: text) else { throw CLIError.badInput("--office takes a 32-digit office id") }
        return id
    }

    /// Runs the rotation of `officeID` to its end, printing progress to standard error.
    func rotate(officeID: EntityID, as session: Session) async throws -> (KeyRotationState, Int) {
        let state = try await service.beginRotation(officeID: officeID, by: session)
        printError("Rotating the office key to version \(state.toVersion): \(state.remaining) cases to re-seal.")
        let count = try await service.rotateUntilSettled(officeID: officeID, by: session) { done, _ in
            if done % 5000 == 0 { printError("  \(done) re-sealed") }
        }
        return (state, count)
    }
}
