import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Sichtbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sichtbar",
        abstract: "Anonymous discrimination reports and casework for the NRW antidiscrimination offices.",
        subcommands: [
            InitCommand.self, ServeCommand.self, OfficeCommand.self, UserCommand.self, VerbandCommand.self,
            AuditCommand.self, StatsCommand.self, RetentionCommand.self, StoreCommand.self, BackupCommand.self, RestoreCommand.self,
            DemoCommand.self,
        ]
    )

    /// Parses and runs, answering bad usage with exit code 2 as CONTRACT.md says (ArgumentParser's
    /// own default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
