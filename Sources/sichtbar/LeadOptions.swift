import ArgumentParser
import Casework
import Members
import SichtbarCore

/// `--data`, `--office` and `--as`: what every command a lead of one office runs takes, and the
/// sign-in it leads to (the passphrase is read, never taken as an option).
struct LeadOptions: ParsableArguments {
    @OptionGroup var dataOptions: DataOptions
    @Option(name: .long, help: "The office id.") var office: String
    @Option(name: .customLong("as"), help: "A lead of the office (the passphrase is read).") var lead: String

    /// The office, the store over the data folder and the lead's session.
    func signIn() async throws -> (officeID: EntityID, context: MemberContext, session: Session) {
        try await MemberContext.lead(lead, office: office, options: dataOptions)
    }
}
