import BulletinCore
@testable import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// `fsync: batch` makes appends durable on a thread of its own; the store knows which are.
@Suite struct StoryStoreSyncTests {
    /// A store in a folder of its own, so that the test can remove it with its rotations.
    static func store(fsync: Configuration.FsyncPolicy) throws -> StoryStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try StoryStore(path: FilePath(folder.appendingPathComponent("stories.jsonl").path), fsync: fsync)
    }

    static func remove(_ store: StoryStore) {
        try? FileManager.default.removeItem(atPath: store.path.removingLastComponent().string)
    }

    static func record(_ number: Int) -> StoryRecord {
        StoryRecord(
            kind: .story, id: String(repeating: "a", count: 31) + "\(number % 10)", receivedAt: "2026-11-29T00:00:00.000Z",
            bulletin: .init(file: "b\(number).txt", sha256: String(repeating: "0", count: 64), index: 0),
            headline: "Headline \(number)", bodyText: "Body \(number).")
    }

    @Test func aBackgroundFsyncMarksTheAppendsSoFarDurable() throws {
        let store = try Self.store(fsync: .batch)
        defer { Self.remove(store) }
        #expect(!store.unsynchronized)
        try store.append([Self.record(1)])
        try store.append([Self.record(2)])
        #expect(store.unsynchronized)
        store.synchronizeInBackground { error in Issue.record("fsync failed: \(error)") }
        store.waitForBackgroundSynchronization()
        #expect(!store.unsynchronized)
        // An append after the fsync began is not covered by it.
        try store.append([Self.record(3)])
        #expect(store.unsynchronized)
        try store.synchronize()
        #expect(!store.unsynchronized)
    }

    @Test func aRotationWhileAnFsyncIsPendingLosesNothing() throws {
        let store = try Self.store(fsync: .batch)
        defer { Self.remove(store) }
        for number in 0..<50 { try store.append([Self.record(number)]) }
        store.synchronizeInBackground { error in Issue.record("fsync failed: \(error)") }
        try store.rotate()
        store.waitForBackgroundSynchronization()
        #expect(!store.unsynchronized)
        let rotated = try String(contentsOfFile: store.path.string + ".1", encoding: .utf8)
        #expect(rotated.split(separator: "\n").count == 50)
    }

    @Test func otherPoliciesHaveNothingToSynchronizeLater() throws {
        for policy in [Configuration.FsyncPolicy.everyBulletin, .never] {
            let store = try Self.store(fsync: policy)
            defer { Self.remove(store) }
            try store.append([Self.record(1)])
            #expect(!store.unsynchronized)
        }
    }
}
