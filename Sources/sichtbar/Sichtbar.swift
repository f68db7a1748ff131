import ArgumentParser

@main
struct Sichtbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sichtbar",
        abstract: "Anonymous discrimination reports and casework for the NRW antidiscrimination offices.",
        subcommands: [InitCommand.self, ServeCommand.self, OfficeCommand.self, DemoCommand.self]
    )
}
