import BulletinCore
@testable import BulletinDaemon
import Foundation
import SystemPackage
import Testing

/// `fsync: batch` makes appends durable on a thread of its own; the store knows which are.
@Suite struct StoryStoreSyncTests {
    static func store(fsync: Configuration.FsyncPolicy) throws -> StoryStore {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-store-\(UUID().uuidString).jsonl")
        return try StoryStore(path: FilePath(url.path), fsync: fsync)
    }

    static func record(_ number: Int) -> StoryRecord {
        StoryRecord(
            kind: .story, id: String(repeating: "a", count: 31) + "\(number % 10)", receivedAt: "2026-11-29T00:00:00.000Z",
            bulletin: .init(file: "b\(number).txt", sha256: String(repeating: "0", count: 64), index: 0),
            headline: "Headline \(number)", bodyText: "Body \(number).")
    }

    @Test func aBackgroundFsyncMarksTheAppendsSoFarDurable() throws {
        let store = try Self.store(fsync: .batch)
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
            try store.append([Self.record(1)])
            #expect(!store.unsynchronized)
        }
    }
}
