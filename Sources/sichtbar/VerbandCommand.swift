import ArgumentParser
import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// `sichtbar verband init`: the Verband key pair and its first analyst.
struct VerbandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verband", abstract: "The Verband and its analysts.",
        subcommands: [Init.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the Verband key pair and its first analyst.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The Verband's name.") var name: String
        @Option(name: .long, help: "The first analyst's username (the passphrase is read).") var analyst: String
        @Flag(name: .long, help: "Print one JSON object.") var json = false

        func run() async throws {
            try await failingCleanly {
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard (1...200).contains(trimmed.count) else { throw CLIError.badInput("a Verband name has 1 to 200 characters") }
                try MemberService.checkUsername(analyst)
                let context = try await MemberContext(dataOptions)
                guard try await context.store.verband() == nil else { throw CLIError.badInput("this server already has a Verband") }
                let passphrase = try PassphraseReader.readNew(prompt: "New passphrase for \(analyst): ", username: analyst)
                guard try await context.store.member(username: analyst) == nil else {
                    throw CLIError.badInput("the username \(analyst) is taken")
                }
                let verband = try await context.store.createVerband(name: trimmed, analyst: analyst, passphrase: passphrase)
                let publicKey = Data(verband.publicKey.bytes).base64EncodedString()
                if json {
                    struct Output: Encodable {
                        let verband: String
                        let publicKey: String
                        let fingerprint: String
                    }
                    try JSONOutput.print(
                        Output(verband: verband.id.hex, publicKey: publicKey, fingerprint: KeyFingerprint.of(verband.publicKey)))
                } else {
                    print(
                        """
                        Verband \(verband.name) created: \(verband.id.hex)
                        Public key (offices release to it): \(publicKey)
                        Fingerprint (tell each office's lead; they confirm it): \(KeyFingerprint.of(verband.publicKey))
                        Analyst: \(analyst)
                        """)
                }
            }
        }
    }
}
