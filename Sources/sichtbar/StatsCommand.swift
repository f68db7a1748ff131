import App
import ArgumentParser
import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics

/// `sichtbar stats release | verify | merge | report`.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Statistics: an office's releases, the Verband's merge, verification and the annual report.",
        subcommands: [Release.self, Verify.self, Merge.self, Report.self])

    /// `stats release`: what the lead's `/releases` page does, for scripts and for a Verband on another server.
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute (once) and freeze an office's tables for a closed period, sign them, seal them to the Verband.")
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var resources: ResourceOptions
        @Option(name: .long, help: "The office id.") var office: String
        @Option(name: .long, help: "A closed year (2025) or quarter (2026-Q3).") var period: String
        @Option(name: .customLong("as"), help: "A lead of the office (the passphrase is read).") var lead: String
        @Option(name: .customLong("to-verband"), help: "The Verband's public key (Base64); default: this server's Verband.") var verbandKey:
            String?
        @Option(name: .long, help: "Where to write the sealed release.") var out: String

        func run() async throws {
            try await failingCleanly {
                guard let statPeriod = StatPeriod(period) else {
                    throw CLIError.badInput("--period takes a year (2025) or a quarter (2026-Q3)")
                }
                let recipient = try verbandKey.map(StatsCommand.boxKey)
                let context = try await MemberContext(dataOptions)
                let releases = AppServices.releases(
                    store: context.stores, policies: try PolicySet.load(resources), signer: context.secrets.signing)
                let session = try await context.authenticateLead(lead, officeID: try MemberContext.officeID(office))
                do {
                    let (stored, _) = try await releases.release(statPeriod, session: session)
                    let (sent, envelope) = try await releases.send(id: stored.id, to: recipient, session: session)
                    try StatsCommand.write(try envelope.serialised(), to: out)
                    print("Release \(sent.id.hex) of \(sent.period) (frozen \(sent.createdAt)) sealed to the Verband: \(out)")
                } catch let error as AccessError {
                    throw CLIError(error)
                } catch let refusal as FieldError {
                    throw CLIError(refusal)
                }
            }
        }
    }

    /// `stats verify FILE --key PUBKEY`: a statistics file's signature, or a CSV's in `FILE.sig`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a statistics file's signature (a CSV's is in FILE.sig).")
        @Argument(help: "A signed statistics file (JSON) or a CSV with FILE.sig beside it.") var file: String
        @Option(name: .long, help: "The signer's Ed25519 public key (Base64), as `init --json` prints it.") var key: String

        func run() async throws {
            try await failingCleanly {
                guard let keyBytes = StatSignature.decodeBase64(key), let expected = try? SigningPublicKey(bytes: keyBytes) else {
                    throw CLIError.badInput("--key takes an Ed25519 public key in Base64")
                }
                let content = try StatsCommand.read(file)
                let verdict: StatFileVerdict
                if file.hasSuffix(".csv") {
                    verdict = StatSignature.verifyDetached(content, signatureFile: try StatsCommand.read(file + ".sig"), key: expected)
                } else if ReleaseEnvelope(bytes: content) != nil {
                    throw CLIError.badInput("\(file) is a release sealed to the Verband; `stats merge` opens and checks it")
                } else {
                    verdict = StatFile.verify(content, key: expected)
                }
                switch verdict {
                case .valid: print("valid: \(file) is signed by \(key)")
                case .unsigned: throw CLIError.checkFailed("\(file) carries no signature")
                case .wrongAlgorithm: throw CLIError.checkFailed("\(file) is signed with another algorithm than ed25519")
                case .keyMismatch: throw CLIError.checkFailed("\(file) is signed with another key")
                case .badSignature: throw CLIError.checkFailed("\(file) was changed after signing: the signature does not verify")
                case .malformed(let reason): throw CLIError.checkFailed("\(file) is not a statistics file: \(reason)")
                }
            }
        }
    }

    static func boxKey(_ text: String) throws -> BoxPublicKey {
        guard let bytes = StatSignature.decodeBase64(text), let key = try? BoxPublicKey(bytes: bytes) else {
            throw CLIError.badInput("--to-verband takes the Verband's public key in Base64, as `verband init --json` prints it")
        }
        return key
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.badInput("cannot read \(path)") }
        return Array(data)
    }

    /// Writes with owner-only permissions: a release's counts are for the Verband's eyes.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError.badInput("cannot write \(path)")
        }
    }
}
