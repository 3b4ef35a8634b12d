import Glibc
import SystemPackage

/// What a command writes its data to (`export`'s JSON Lines).
package enum StandardOutput {
    /// A reader that goes away (`| head`) ends the writing with EPIPE rather than killing the
    /// process with SIGPIPE, so the writer can stop cleanly.
    package static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `bytes` (retrying short writes and interruptions).
    package static func write(_ bytes: [UInt8]) throws(IOFailure) {
        guard !bytes.isEmpty else { return }
        _ = try IOFailure.wrap("write", "standard output") { try FileDescriptor.standardOutput.writeAll(bytes) }
    }
}
