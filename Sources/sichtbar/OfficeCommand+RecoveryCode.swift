import ArgumentParser
import CaseStore
import Casework
import Foundation

extension OfficeCommand {
    /// `office recovery-code renew`: a lead's new recovery code, shown to that lead only.
    struct RecoveryCodeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recovery-code", abstract: "The office recovery code.",
            subcommands: [Renew.self])

        struct Renew: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "A new recovery code for a lead: the office secrets are re-sealed to it and the old code is retired.")
            @OptionGroup var leadOptions: LeadOptions
            @Flag(name: .long, help: "Print one JSON object.") var json = false

            func run() async throws {
                try await failingCleanly {
                    let (officeID, context, session) = try await leadOptions.signIn()
                    let code = try await context.service.renewRecoveryCode(by: session)
                    if json {
                        struct Output: Encodable {
                            let office: String
                            let recoveryCode: String
                        }
                        try JSONOutput.print(Output(office: officeID.hex, recoveryCode: code.formatted))
                    } else {
                        print(
                            """
                            New recovery code for the office (shown once; the old one opens nothing any more):
                              \(code.formatted)
                            """)
                    }
                }
            }
        }
    }

    /// `office confirm-verband-key`: a lead pins the server's Verband key, typing the fingerprint
    /// the Verband gave them; releases are sealed to no other key.
    struct ConfirmVerbandKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm-verband-key",
            abstract: "Confirm the Verband key by the fingerprint the Verband gave you.")
        @OptionGroup var leadOptions: LeadOptions
        @Option(name: .long, help: "The Verband key's fingerprint, as the Verband gave it.") var fingerprint: String

        func run() async throws {
            try await failingCleanly {
                let (_, context, session) = try await leadOptions.signIn()
                try await context.service.confirmVerbandKey(fingerprint: fingerprint, by: session)
                print("The Verband key \(fingerprint) is confirmed for this office.")
            }
        }
    }
}
