import App
import SichtbarCore

extension PolicySet {
    /// The policies of `--policies` (else $SICHTBAR_POLICIES, ./Policies, or beside the binary); a
    /// file a policy refuses stops the command (exit 2), named.
    static func load(_ resources: ResourceOptions) throws -> PolicySet {
        do {
            return try load(from: try resources.policiesURL())
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        }
    }
}
