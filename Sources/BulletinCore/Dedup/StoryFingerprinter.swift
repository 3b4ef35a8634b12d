/// Makes fingerprints with one configuration. A small value: each thread that prepares
/// bulletins can hold its own.
package struct StoryFingerprinter: Sendable {
    let configuration: DedupConfiguration
    let minHasher: MinHasher

    package init(_ configuration: DedupConfiguration) {
        self.configuration = configuration
        minHasher = MinHasher(hashCount: configuration.hashCount, seed: configuration.seed)
    }

    package func fingerprint(_ story: Story) -> StoryFingerprint {
        fingerprint(headline: story.headline, bodyText: story.bodyText)
    }

    func fingerprint(headline: String, bodyText: String) -> StoryFingerprint {
        StoryFingerprint(headline: headline, bodyText: bodyText, configuration: configuration, minHasher: minHasher)
    }
}
