import LinuxIO
import SystemPackage

/// Where recovery puts the store lines it has to take out of the store, instead of deleting
/// them: `stories.jsonl.quarantine`, beside the store, the lines appended as they were.
///
/// Recovery cuts only a torn last line (a write the crash stopped mid-line) outright. Anything
/// else it must remove — the lines of a bulletin cut short, taken out so that the bulletin can
/// be ingested again whole — is copied here first, made durable, and only then cut from the
/// store, so an operator can always get it back. A crash between the copy and the cut copies
/// the same lines again at the next start (the quarantine may hold them twice; the store never).
/// Not a store file: `verify`, `stats`, `export` and rotation never read it.
struct StoreQuarantine {
    let path: FilePath

    init(store: FilePath) { path = FilePath(store.string + ".quarantine") }

    /// Moves `store`'s lines from `offset` to its end into the quarantine file. Returns where
    /// they begin there, and how many lines and bytes moved. The store must end with a complete
    /// line (its torn tail cut first).
    func take(from store: FilePath, at offset: Int64) throws(IOFailure) -> (quarantineOffset: Int64, lines: Int, bytes: Int64) {
        let file = try AppendOnlyFile(path: path)
        let quarantineOffset = file.size
        var buffer: [UInt8] = []
        var lines = 0
        var bytes: Int64 = 0
        do {
            try LineReader.forEachLine(in: store, from: offset) { _, line in
                buffer += line
                buffer.append(UInt8(ascii: "\n"))
                lines += 1
                bytes += Int64(line.count + 1)
                if buffer.count >= 1 << 20 {
                    try file.append(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.append(buffer)
        } catch {
            // Nothing half-copied stays behind; the store is untouched, and the next start tries again.
            try? file.truncate(to: quarantineOffset)
            throw (error as? IOFailure) ?? IOFailure("read", store.string, .ioError)
        }
        try file.synchronize()
        try LineReader.truncate(store, to: offset)
        return (quarantineOffset, lines, bytes)
    }
}
