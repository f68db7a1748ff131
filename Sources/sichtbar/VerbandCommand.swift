import ArgumentParser
import CaseStore
import Casework
import Foundation
import Sealing

/// `sichtbar verband init`: the Verband key pair and its first analyst.
struct VerbandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verband", abstract: "The Verband and its analysts.",
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
                let context = try MemberContext(folder: dataOptions.folder)
                guard try await context.store.verband() == nil else { throw CLIError.badInput("this server already has a Verband") }
                let passphrase = try PassphraseReader.readNew(prompt: "New passphrase for \(analyst): ", username: analyst)
                let verband = try await VerbandSetup.create(context.store, name: trimmed, analyst: analyst, passphrase: passphrase)
                let publicKey = Data(verband.publicKey.bytes).base64EncodedString()
                if json {
                    struct Output: Encodable { let verband: String; let publicKey: String }
                    try JSONOutput.print(Output(verband: verband.id.hex, publicKey: publicKey))
                } else {
                    print("Verband \(verband.name) created: \(verband.id.hex)\nPublic key (offices release to it): \(publicKey)\nAnalyst: \(analyst)")
                }
            }
        }
    }
}

/// Creating the Verband, shared by `verband init` and `demo`.
enum VerbandSetup {
    static func create(_ store: SQLiteMemberStore, name: String, analyst username: String, passphrase: SecureBytes) async throws -> Verband {
        guard try await store.member(username: username) == nil else { throw CLIError.badInput("the username \(username) is taken") }
        let verbandKeys = BoxKeyPair()
        let verband = Verband(id: .random(), name: name, publicKey: verbandKeys.publicKey)
        let analystKeys = BoxKeyPair()
        let analyst = Member(id: .random(), username: username, officeID: nil, role: .analyst, publicKey: analystKeys.publicKey,
                             wrappedSecret: try PassphraseWrap.wrap(analystKeys.secretKey, passphrase: passphrase))
        try await store.createVerband(verband, analyst: analyst, seal: SealedBox.seal(verbandKeys.secretKey, to: analyst.publicKey),
                                      audit: .member(username, .verbandCreated, verband.id.hex))
        return verband
    }
}
