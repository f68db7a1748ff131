import ArgumentParser
import Casework
import Foundation

/// `sichtbar init`: the store, the first office and its first lead.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store, the first office and its first lead.")

    @OptionGroup var dataOptions: DataOptions
    @Option(name: .customLong("office-name"), help: "The first office's name.") var officeName: String
    @Option(name: .long, help: "The first lead's username (the passphrase is read).") var admin: String
    @Flag(name: .long, help: "Print one JSON object.") var json = false

    func run() async throws {
        try await failingCleanly {
            try OfficeSetup.checkUsername(admin)
            let passphrase = try PassphraseReader.readNew(prompt: "New passphrase for \(admin): ", username: admin)
            let opened = try await dataOptions.openOrCreate()
            let secrets = opened.secrets
            let members = opened.members()
            guard try await members.offices().isEmpty else {
                throw CLIError.badInput("\(try dataOptions.location()) is already initialised; use `sichtbar office add`")
            }
            let (office, keys) = try await OfficeSetup.createOffice(opened.setup, name: officeName)
            _ = try await OfficeSetup.createMember(
                opened.setup, members: members, username: admin, role: .lead, office: office, keys: keys,
                passphrase: passphrase)
            try await members.record(
                [.member("operator", .officeCreated, office.id.hex), .member("operator", .memberEnrolled, admin)], chain: office.id)
            let signingKey = Data(secrets.signing.publicKey.bytes).base64EncodedString()
            if json {
                struct Output: Encodable {
                    let office: String
                    let signingKey: String
                    let recoveryCode: String
                }
                try JSONOutput.print(
                    Output(
                        office: office.id.hex, signingKey: signingKey,
                        recoveryCode: keys.recoveryCode.formatted))
            } else {
                print(
                    """
                    Office \(office.name) created: \(office.id.hex)
                    Lead: \(admin)
                    Server signing key: \(signingKey)

                    Recovery code (shown once; the Träger keeps it under four-eyes):
                      \(keys.recoveryCode.formatted)
                    """)
            }
        }
    }
}
