import ArgumentParser

@main
struct Bulletind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletind",
        abstract: "Watch a folder of news bulletins, split them into stories, and keep one JSON line per story.",
        discussion: """
            Drop plain-text bulletins into the inbox; every story becomes a line of the JSON Lines
            store (`tail -f stories.jsonl | jq`), first sightings as "story", repeats as "duplicate".
            """,
        subcommands: [RunCommand.self, IngestCommand.self, VerifyCommand.self, StatsCommand.self]
    )
}
