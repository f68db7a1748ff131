import ArgumentParser

/// `sichtbar serve`: runs the service on an existing data folder.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the service.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        try await failingCleanly {
            guard server.intakeWait >= 1 else { throw CLIError.badInput("--intake-wait takes at least 1 second") }
            let opened = try await dataOptions.open(poolSize: server.databaseConnections, intakeWait: .seconds(server.intakeWait))
            try await Server.run(opened, resources: resources, options: server) { url in
                printError("Sichtbar is listening on \(url)")
            }
        }
    }
}
