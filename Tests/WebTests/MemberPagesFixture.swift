import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Members
import NIOCore
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The member pages over a real `MemberService` on in-memory SQLite: one office with a lead,
/// failed logins not slowed down, rotations finishing without a grace period.
struct MemberPagesApp {
    static let lead = "lead.nord"
    static let leadPassphrase = "Kompass-Rhein-Laterne-42"
    static let counsellorPassphrase = "Lindenblüten-Tee am Rhein"

    let app: MemberTestApp
    var store: any MemberStore { app.store }
    var members: MemberService { app.members }
    var services: WebServices { app.services }
    var office: Office { app.office }

    init() async throws {
        app = try await MemberTestApp(officeName: "Beratung Nord", lead: Self.lead, leadPassphrase: Self.leadPassphrase)
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await app.test(body)
    }

    /// A counsellor enrolled through the service, as the command line would.
    func enrolCounsellor(_ username: String) async throws {
        let lead = try await members.login(username: Self.lead, passphrase: SecureBytes(utf8: Self.leadPassphrase))
        let invitation = try await members.invite(role: .counsellor, by: lead.session)
        try await members.enrol(invitation: invitation.token, username: username, passphrase: SecureBytes(utf8: Self.counsellorPassphrase))
        try await members.logout(token: lead.token)
    }

    func createVerband(analyst username: String, passphrase: String) async throws {
        try await app.createVerband(analyst: username, passphrase: passphrase)
    }

    func pendingInvitations() async throws -> Int {
        try await store.pendingInvitations(officeID: office.id, now: Date()).count
    }
}
