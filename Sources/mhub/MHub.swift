import ArgumentParser

@main
struct MHub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mhub",
        abstract: "MicrobiomeHub: import, convert and check microbiome profile tables.")
}
