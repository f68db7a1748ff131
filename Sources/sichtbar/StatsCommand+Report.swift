import App
import ArgumentParser
import Casework
import Foundation
import Sealing
import Statistics
import Web

extension StatsCommand {
    /// `stats report FILE… --out FILE.html`: the printable annual report from published tables.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The printable annual report (HTML) from published statistics; earlier years given too make the trend.")
        @OptionGroup var resources: ResourceOptions
        @Argument(help: "Published statistics files (scope verband); the newest whole year is the report's.") var files: [String]
        @Option(name: .long, help: "The publisher's Ed25519 key (Base64); without it a file need only be intact.") var key: String?
        @Option(name: .long, help: "de or en.") var lang = "de"
        @Option(name: .long, help: "Where to write the HTML.") var out: String

        func run() async throws {
            try await failingCleanly {
                guard !files.isEmpty else { throw CLIError.badInput("name at least one published statistics file") }
                guard ["de", "en"].contains(lang) else { throw CLIError.badInput("--lang takes de or en") }
                let expected = try key.map { text -> SigningPublicKey in
                    guard let bytes = StatSignature.decodeBase64(text), let key = try? SigningPublicKey(bytes: bytes) else {
                        throw CLIError.badInput("--key takes an Ed25519 public key in Base64")
                    }
                    return key
                }
                let publications = try files.map { path -> StatFile in
                    let (file, verdict) = StatFile.open(try StatsCommand.read(path), key: expected)
                    guard let file, verdict.isValid else {
                        throw CLIError.checkFailed("\(path): the signature does not verify (\(verdict))")
                    }
                    guard file.scope == .verband else { throw CLIError.badInput("\(path) is an office release, not published statistics") }
                    return file
                }
                let policies = try PolicySet.load(resources)
                let report = AnnualReport(
                    publications: publications, policy: policies.statistics, taxonomy: policies.taxonomy,
                    workflow: policies.workflow, language: lang)
                do {
                    let html = try report.html(templates: try resources.templatesURL())
                    try StatsCommand.write(Array(html.utf8), to: out)
                    print("Annual report written: \(out)")
                } catch let error as AnnualReportError {
                    throw CLIError.badInput(error.description)
                }
            }
        }
    }
}
