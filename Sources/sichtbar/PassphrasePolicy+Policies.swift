import Casework
import Foundation
import Members
import SichtbarCore

extension PassphrasePolicy {
    /// The deny-list of the policies folder (`--policies`, else $SICHTBAR_POLICIES, ./Policies, or
    /// beside the binary), for every command that takes a new passphrase. Never a built-in
    /// fallback: a missing or short list stops the command (exit 2).
    static func fromPolicies(_ folder: URL? = nil) throws -> PassphrasePolicy {
        let directory: URL
        do {
            directory = try folder ?? ResourceOptions.locate(nil, env: "SICHTBAR_POLICIES", name: "Policies")
        } catch {
            throw CLIError.badInput("cannot find the Policies folder with \(fileName) (the passphrase deny-list); set SICHTBAR_POLICIES")
        }
        do {
            return try load(from: directory.appendingPathComponent(fileName))
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        }
    }
}
