/// What a SIGHUP applies. A new configuration takes effect at once, except the settings the
/// running daemon has built itself around (the folders and files it holds, its log level, its
/// timers): those keep their old values and are named, for a restart to apply.
struct ReloadPlan: Equatable {
    /// The configuration to run with from now on.
    let applied: Configuration
    /// The keys whose new values wait for a restart, in a fixed order.
    let needRestart: [String]

    init(current: Configuration, new: Configuration) {
        var applied = new
        var needRestart: [String] = []
        func keep<Value: Equatable>(_ key: String, _ setting: WritableKeyPath<Configuration, Value>) {
            if new[keyPath: setting] != current[keyPath: setting] { needRestart.append(key) }
            applied[keyPath: setting] = current[keyPath: setting]
        }
        keep("inbox.path", \.inbox)
        keep("store.path", \.store)
        keep("state.dir", \.stateDirectory)
        keep("store.fsync", \.fsync)
        keep("log.level", \.logLevel)
        keep("inbox.rescan_interval_s", \.rescanInterval)
        keep("metrics.textfile", \.metricsTextfile)
        keep("metrics.interval_s", \.metricsInterval)
        self.applied = applied
        self.needRestart = needRestart
    }
}
