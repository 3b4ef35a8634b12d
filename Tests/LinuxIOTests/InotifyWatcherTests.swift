import Foundation
import LinuxIO
import SystemPackage
import Testing

/// Real inotify on real temporary folders.
@Suite struct InotifyWatcherTests {
    /// The next event, or nil after `seconds`: a bounded wait, never a bare sleep.
    static func next(_ iterator: inout AsyncStream<WatchEvent>.Iterator, within seconds: Double = 5) async -> WatchEvent? {
        await withTaskGroup(of: WatchEvent?.self) { group in
            var local = iterator
            group.addTask { try? await Task.sleep(for: .seconds(seconds)); return nil }
            let event = await local.next()
            group.cancelAll()
            iterator = local
            return event
        }
    }

    @Test func aFileRenamedInArrives() async throws {
        let folder = try TemporaryFolder()
        let inbox = folder.path.appending("inbox")
        try FileManager.default.createDirectory(atPath: inbox.string, withIntermediateDirectories: true)
        let watcher = try InotifyWatcher(directory: inbox)
        defer { watcher.stop() }
        try folder.write("staged.txt", "Headline\n\nBody.\n")
        try FileManager.default.moveItem(atPath: folder.path.appending("staged.txt").string, toPath: inbox.appending("b.txt").string)
        var events = watcher.events.makeAsyncIterator()
        #expect(await Self.next(&events) == .arrived(name: FileName("b.txt")))
    }

    @Test func aFileWrittenInPlaceArrivesWhenClosed() async throws {
        let folder = try TemporaryFolder()
        let watcher = try InotifyWatcher(directory: folder.path)
        defer { watcher.stop() }
        try folder.write("c.txt", "Headline\n\nBody.\n")
        var events = watcher.events.makeAsyncIterator()
        #expect(await Self.next(&events) == .created(name: FileName("c.txt")))
        #expect(await Self.next(&events) == .arrived(name: FileName("c.txt")))
    }

    @Test func deletingTheFolderLosesTheWatch() async throws {
        let folder = try TemporaryFolder()
        let inbox = folder.path.appending("inbox")
        try FileManager.default.createDirectory(atPath: inbox.string, withIntermediateDirectories: true)
        let watcher = try InotifyWatcher(directory: inbox)
        defer { watcher.stop() }
        try FileManager.default.removeItem(atPath: inbox.string)
        var events = watcher.events.makeAsyncIterator()
        #expect(await Self.next(&events) == .watchLost)
    }

    @Test func aSymlinkIsSeenWhenCreated() async throws {
        let folder = try TemporaryFolder()
        let watcher = try InotifyWatcher(directory: folder.path)
        defer { watcher.stop() }
        try FileManager.default.createSymbolicLink(atPath: folder.path.appending("l.txt").string, withDestinationPath: "/etc/hostname")
        var events = watcher.events.makeAsyncIterator()
        #expect(await Self.next(&events) == .created(name: FileName("l.txt")))
    }

    @Test func aFloodOverflowsIntoOneRescanSignalAndNothingElse() async throws {
        let folder = try TemporaryFolder()
        let watcher = try InotifyWatcher(directory: folder.path)
        defer { watcher.stop() }
        // More events than the stream buffers, none consumed meanwhile.
        for number in 0..<(InotifyWatcher.bufferLimit + 500) {
            let fd = try FileDescriptor.open(folder.path.appending("f\(number)"), .writeOnly, options: [.create], permissions: .ownerReadWrite)
            try fd.close()
        }
        var events = watcher.events.makeAsyncIterator()
        var sawOverflow = false
        var count = 0
        while let event = await Self.next(&events, within: 2) {
            count += 1
            if event == .overflow { sawOverflow = true; break }
        }
        #expect(sawOverflow)
        #expect(count <= InotifyWatcher.bufferLimit + 1)
    }

    @Test func stoppingFinishesTheStream() async throws {
        let folder = try TemporaryFolder()
        let watcher = try InotifyWatcher(directory: folder.path)
        watcher.stop()
        var events = watcher.events.makeAsyncIterator()
        #expect(await Self.next(&events) == nil)
    }

    @Test func aMissingFolderIsANamedError() throws {
        let folder = try TemporaryFolder()
        #expect {
            _ = try InotifyWatcher(directory: folder.path.appending("missing"))
        } throws: { error in
            (error as? IOFailure)?.description.contains("inotify_add_watch '") == true
                && (error as? IOFailure)?.errno == .noSuchFileOrDirectory
        }
    }
}
