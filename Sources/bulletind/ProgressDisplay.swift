import BulletinDaemon
import Glibc

/// What someone watching a back-fill sees on stderr: on a terminal, one bar redrawn in place
/// with the rate and the time left; otherwise (a log file, a CI job) a plain line every so often,
/// so the log is readable and not a wall of carriage returns.
final class ProgressDisplay {
    enum Mode {
        case bar
        case lines(every: Duration)
        case none
    }

    private let mode: Mode
    private var lastShown: Duration?
    private var barShown = false

    init(mode: Mode) { self.mode = mode }

    /// A bar on a terminal, lines elsewhere.
    static func forStandardError(enabled: Bool) -> ProgressDisplay {
        guard enabled else { return ProgressDisplay(mode: .none) }
        return ProgressDisplay(mode: isatty(STDERR_FILENO) == 1 ? .bar : .lines(every: .seconds(10)))
    }

    func update(_ progress: BatchIngest.Progress) {
        let finished = progress.filesDone == progress.filesTotal
        switch mode {
        case .none:
            return
        case .bar:
            // Redrawing more often than the eye can follow only costs writes.
            if !finished, let lastShown, progress.elapsed - lastShown < .milliseconds(100) { return }
            write("\r" + Self.bar(progress, width: Self.terminalWidth()) + "\u{1B}[K")
            barShown = true
        case .lines(let every):
            if let lastShown, progress.elapsed - lastShown < every { return }
            if lastShown == nil, progress.elapsed < every { return }
            write("bulletind: " + Self.figures(progress) + "\n")
        }
        lastShown = progress.elapsed
    }

    /// Clears the bar, so the summary starts on a clean line.
    func finish() {
        if barShown { write("\r\u{1B}[K") }
    }

    /// ` 45% [=========>          ] 1234/5000 files, 12.3 MB/s, 4567 stories/s, ETA 0:42`
    static func bar(_ progress: BatchIngest.Progress, width: Int) -> String {
        let fraction = Self.fraction(progress)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let figures = Self.figures(progress, withPercent: false)
        let room = width - figures.count - 9
        guard room >= 10 else { return String((" \(percent)% " + figures).prefix(max(width - 1, 1))) }
        let barWidth = min(room, 40)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let arrow = filled < barWidth ? ">" : ""
        let bar = String(repeating: "=", count: filled) + arrow + String(repeating: " ", count: max(0, barWidth - filled - arrow.count))
        return String(repeating: " ", count: 3 - percent.count) + percent + "% [" + bar + "] " + figures
    }

    /// `1234/5000 files (24%), 12.3 MB/s, 4567 stories/s, ETA 0:42`
    static func figures(_ progress: BatchIngest.Progress, withPercent: Bool = true) -> String {
        let seconds = Self.seconds(progress.elapsed)
        let rate = seconds > 0 ? Double(progress.bytesDone) / seconds : 0
        let storyRate = seconds > 0 ? Double(progress.stories + progress.duplicates) / seconds : 0
        let percent = withPercent ? " (\(Int((fraction(progress) * 100).rounded(.down)))%)" : ""
        var text = "\(progress.filesDone)/\(progress.filesTotal) files\(percent), \(megabytes(rate)) MB/s, \(Int(storyRate)) stories/s"
        if rate > 0, progress.filesDone < progress.filesTotal {
            text += ", ETA " + clock(Double(progress.bytesTotal - progress.bytesDone) / rate)
        }
        return text
    }

    static func fraction(_ progress: BatchIngest.Progress) -> Double {
        if progress.bytesTotal > 0 { return min(1, Double(progress.bytesDone) / Double(progress.bytesTotal)) }
        return progress.filesTotal > 0 ? Double(progress.filesDone) / Double(progress.filesTotal) : 1
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func megabytes(_ bytesPerSecond: Double) -> String {
        let tenths = Int((bytesPerSecond / 100_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `0:42`, `12:05`, `3:02:10`
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
