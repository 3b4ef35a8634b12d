import ArgumentParser

@main
struct Bulletind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletind",
        abstract: "Watch a folder of news bulletins, split them into stories, and keep one JSON line per story.",
        discussion: """
            Drop plain-text bulletins into the inbox; every story becomes a line of the JSON Lines \
            store (`tail -f stories.jsonl | jq`), first sightings as "story", repeats as "duplicate". \
            New stories, duplicates and rejected files are also reported to the journal \
            (`journalctl -t bulletind`).

            Configuration: one YAML file (--config), BULLETIND_<SECTION>_<KEY> environment \
            variables and flags; flags beat the environment, which beats the file, which beats \
            the defaults. Usage and configuration errors exit 64.

            Examples:
              bulletind run --config /etc/bulletind/bulletind.yaml
              bulletind ingest --recursive /srv/archive/
              bulletind stats --json | jq .duplicate_rate
              bulletind export --follow --cursor export.cursor
              bulletind check-config --config /etc/bulletind/bulletind.yaml
              bulletind help ingest
            """,
        subcommands: [RunCommand.self, IngestCommand.self, VerifyCommand.self, StatsCommand.self, ExportCommand.self, CheckConfigCommand.self]
    )
}
