import ArgumentParser
import CaseStore
import Casework
import Foundation
import Members
import SichtbarCore

/// `sichtbar user …`: invitations, enrolment and removal of members.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Invite, enrol and remove members.",
        subcommands: [Invite.self, Enrol.self, Remove.self])

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A one-time invitation, valid 72 hours.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The office id (not for analysts).") var office: String?
        @Option(name: .long, help: "counsellor, lead or analyst.") var role: String
        @Option(name: .customLong("as"), help: "A lead of the office, or an analyst (the passphrase is read).") var inviter: String
        @Flag(name: .long, help: "Print one JSON object.") var json = false

        func run() async throws {
            try await failingCleanly {
                guard let memberRole = MemberRole(rawValue: role) else {
                    throw CLIError.badInput("--role takes counsellor, lead or analyst")
                }
                if memberRole == .analyst, office != nil { throw CLIError.badInput("analysts belong to the Verband: leave out --office") }
                if memberRole != .analyst, office == nil { throw CLIError.badInput("--office is needed for a counsellor or lead") }
                let context = try await MemberContext(dataOptions)
                let session = try await context.authenticate(inviter)
                if let office, session.officeID != (try MemberContext.officeID(office)) {
                    throw CLIError.checkFailed("\(inviter) is not a lead of this office")
                }
                let invitation = try await context.service.invite(role: memberRole, by: session)
                let expires = AuditEvent.timestamp(invitation.expiresAt)
                if json {
                    struct Output: Encodable {
                        let invitation: String
                        let expires: String
                    }
                    try JSONOutput.print(Output(invitation: invitation.token, expires: expires))
                } else {
                    print("Invitation for a \(memberRole.rawValue) (once, until \(expires)): \(invitation.token)")
                }
            }
        }
    }

    struct Enrol: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enrol with an invitation; reads the new passphrase.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The invitation token.") var invitation: String
        @Option(name: .long, help: "The username to choose.") var username: String
        @Flag(name: .long, help: "Print one JSON object.") var json = false

        func run() async throws {
            try await failingCleanly {
                let context = try await MemberContext(dataOptions)
                try MemberService.checkUsername(username)
                let passphrase = try PassphraseReader.readNew(prompt: "New passphrase for \(username): ", username: username)
                let (member, code) = try await context.service.enrolMember(
                    invitation: invitation, username: username,
                    passphrase: passphrase)
                if json {
                    struct Output: Encodable {
                        let username: String
                        let role: String
                        let recoveryCode: String?
                    }
                    try JSONOutput.print(Output(username: member.username, role: member.role.rawValue, recoveryCode: code?.formatted))
                    return
                }
                print("Enrolled \(member.username) as \(member.role.rawValue).")
                if let code {
                    print(
                        """

                        You are the office's first lead. Its recovery code (shown once; the Träger keeps it
                        under four-eyes, away from the server):
                          \(code.formatted)
                        """)
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member and rotate the office key.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The member to remove.") var username: String
        @Option(name: .customLong("as"), help: "A lead of the same office (the passphrase is read).") var lead: String

        func run() async throws {
            try await failingCleanly {
                let context = try await MemberContext(dataOptions)
                let session = try await context.authenticate(lead)
                try await context.service.remove(username: username, by: session, rotateInBackground: false)
                print("Removed \(username).")
                if let officeID = session.officeID {
                    let (state, count) = try await context.rotate(officeID: officeID, as: session)
                    print("Office key rotated to version \(state.toVersion); \(count) cases re-sealed.")
                } else if let verband = try await context.store.verband() {
                    print(
                        """
                        The Verband has a new key. Tell each office's lead its fingerprint; they confirm it
                        before they send statistics again: \(KeyFingerprint.of(verband.publicKey))
                        """)
                }
            }
        }
    }
}
