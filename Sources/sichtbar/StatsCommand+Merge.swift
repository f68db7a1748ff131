import App
import ArgumentParser
import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics

extension StatsCommand {
    /// `stats merge FILE… --as ANALYST --out FILE`: the Verband's publication of a period.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open releases sent to the Verband, check signatures and taxonomy, merge, apply disclosure control, sign and publish."
        )
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var resources: ResourceOptions
        @Argument(help: "Releases: envelopes sealed to the Verband, or signed statistics files.") var files: [String] = []
        @Option(name: .long, help: "Also every release this server's offices sent for this period.") var period: String?
        @Option(name: .customLong("as"), help: "An analyst of the Verband (the passphrase is read).") var analyst: String
        @Option(name: .long, parsing: .singleValue, help: "Another server's signing key (Base64) whose releases are trusted; repeatable.")
        var trust: [String] = []
        @Option(name: .long, help: "Where to write the signed published tables.") var out: String

        func run() async throws {
            try await failingCleanly {
                let trusted = try trust.map { text -> SigningPublicKey in
                    guard let bytes = StatSignature.decodeBase64(text), let key = try? SigningPublicKey(bytes: bytes) else {
                        throw CLIError.badInput("--trust takes an Ed25519 public key in Base64")
                    }
                    return key
                }
                let received = try period.map { text -> StatPeriod in
                    guard let period = StatPeriod(text) else {
                        throw CLIError.badInput("--period takes a year (2025) or a quarter (2026-Q3)")
                    }
                    return period
                }
                var contents = try files.map(StatsCommand.read)
                guard !contents.isEmpty || received != nil else {
                    throw CLIError.badInput("name release files, or --period for the received ones")
                }
                let context = try await MemberContext(dataOptions)
                let publisher = AppServices.publisher(
                    store: context.stores, policies: try PolicySet.load(resources), signer: context.secrets.signing,
                    trusted: trusted)
                let session = try await context.authenticate(analyst)
                do {
                    if let received { contents += try await publisher.received(received, session: session) }
                    let (publication, merged) = try await publisher.publish(contents, session: session)
                    try StatsCommand.write(publication.file, to: out)
                    var line = "Published \(publication.period) from \(publication.releaseCount) releases (\(merged.offices.count) offices)"
                    if let summary = merged.disclosure { line += "; disclosure control: \(summary)" }
                    if let loss = merged.loss { line += "; \(loss)" + (merged.recoded ? " after recoding" : "") }
                    if let other = merged.comparedLoss {
                        line += " (\(merged.recoded ? "without recoding" : "recoding, not kept"): \(other))"
                    }
                    print(line + ": \(out)")
                } catch let refusal as FieldError where refusal.field == "file" {
                    throw CLIError.checkFailed(refusal.message)
                } catch let error as AccessError {
                    throw CLIError(error)
                } catch let refusal as FieldError {
                    throw CLIError(refusal)
                }
            }
        }
    }
}
