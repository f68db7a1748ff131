import ArgumentParser
import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

extension OfficeCommand {
    /// `office rotate-key`: a new office key pair, every case re-sealed; resumes a running one.
    struct RotateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key",
            abstract: "Rotate the office key (resumes an unfinished rotation).")
        @OptionGroup var leadOptions: LeadOptions
        @Flag(name: .long, help: "Print one JSON object.") var json = false

        func run() async throws {
            try await failingCleanly {
                let (officeID, context, session) = try await leadOptions.signIn()
                let (state, count) = try await context.rotate(officeID: officeID, as: session)
                if json {
                    struct Output: Encodable {
                        let office: String
                        let keyVersion: UInt32
                        let resealed: Int
                    }
                    try JSONOutput.print(Output(office: officeID.hex, keyVersion: state.toVersion, resealed: count))
                } else {
                    print("Office key rotated to version \(state.toVersion); \(count) cases re-sealed.")
                }
            }
        }
    }

    /// `office recover`: with the recovery code, a new passphrase for a member who becomes a lead.
    struct Recover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regain access with the recovery code: reads the code, then a new passphrase for the member.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The office id.") var office: String
        @Option(name: .long, help: "The member (existing or new) who becomes a lead.") var username: String

        func run() async throws {
            try await failingCleanly {
                let officeID = try MemberContext.officeID(office)
                let context = try await MemberContext(dataOptions)
                try MemberService.checkUsername(username)
                let codeBytes = try PassphraseReader.read(prompt: "Recovery code: ")
                let codeText = codeBytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
                guard let code = RecoveryCode.parse(codeText) else {
                    throw CLIError.badInput("a recovery code has \(RecoveryCode.symbolCount) symbols")
                }
                let passphrase = try PassphraseReader.readNew(prompt: "New passphrase for \(username): ", username: username)
                do {
                    try await context.service.recover(officeID: officeID, code: code, username: username, passphrase: passphrase)
                } catch AccessError.unauthorized {
                    throw CLIError.checkFailed("the recovery code does not open this office's keys")
                }
                print("\(username) is a lead of the office again, with the new passphrase.")
            }
        }
    }
}
