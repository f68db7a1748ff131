import ArgumentParser
import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics

/// `sichtbar audit verify | checkpoint`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the audit chains; write checkpoints.",
        subcommands: [Verify.self, Checkpoint.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the chains; exit 1 naming the first broken event, or when a kept checkpoint is no longer extended.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "Only this office's chain (default: every chain).") var office: String?
        @Option(name: .long, help: "A checkpoint file kept outside the server.") var anchor: String?

        func run() async throws {
            try await failingCleanly {
                let context = try await MemberContext(dataOptions)
                var checkpoint: AuditCheckpoint?
                if let anchor {
                    guard let data = FileManager.default.contents(atPath: anchor) else {
                        throw CLIError.badInput("--anchor: \(anchor) cannot be read")
                    }
                    // A checkpoint file, or a release envelope the Verband kept (it carries one).
                    if let decoded = try? JSONDecoder().decode(AuditCheckpoint.self, from: data) {
                        checkpoint = decoded
                    } else if let envelope = ReleaseEnvelope(bytes: [UInt8](data)), let carried = envelope.checkpoint {
                        checkpoint = carried
                    } else {
                        throw CLIError.badInput("--anchor: \(anchor) is neither a checkpoint file nor a release carrying one")
                    }
                }
                var chains = try await context.store.chains()
                if let office {
                    let id = try MemberContext.officeID(office)
                    guard chains.contains(id) else { throw CLIError.badInput("no office \(office)") }
                    chains = [id]
                } else if let checkpoint, let id = EntityID(hex: checkpoint.chain) {
                    chains = [id]
                }
                var failures = 0
                for chain in chains {
                    let anchorHead = checkpoint.flatMap { $0.chain == chain.hex ? $0.head : nil }
                    if checkpoint != nil, anchorHead == nil { throw CLIError.badInput("--anchor: the checkpoint file is malformed") }
                    let verdict = try await context.store.verifyChain(chain, key: context.secrets.signing.publicKey, anchor: anchorHead)
                    switch verdict {
                    case .intact(let count):
                        print("chain \(chain.hex): intact, \(count) events")
                    case .broken(let sequence, let reason):
                        failures += 1
                        print("chain \(chain.hex): BROKEN at event \(sequence): \(reason)")
                    case .checkpointNotExtended(let reason):
                        failures += 1
                        print("chain \(chain.hex): does not extend the checkpoint: \(reason)")
                    }
                }
                if failures > 0 { throw CLIError.checkFailed("\(failures) chain(s) failed verification") }
            }
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the signed chain head, to keep outside the server.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The office id.") var office: String
        @Option(name: .long, help: "The file to write.") var out: String

        func run() async throws {
            try await failingCleanly {
                let officeID = try MemberContext.officeID(office)
                let context = try await MemberContext(dataOptions)
                guard try await context.store.office(id: officeID) != nil else { throw CLIError.badInput("no office \(office)") }
                let checkpoint = try await context.store.checkpoint(chain: officeID, by: "operator")
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                do {
                    try encoder.encode(checkpoint).write(to: URL(fileURLWithPath: out))
                } catch {
                    throw CLIError.badInput("--out: cannot write \(out)")
                }
                print("Checkpoint of office \(officeID.hex) at event \(checkpoint.sequence) written to \(out).")
            }
        }
    }
}
