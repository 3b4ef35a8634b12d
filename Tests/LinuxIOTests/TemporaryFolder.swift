import Foundation
import SystemPackage

/// A fresh folder under the system's temporary folder, removed when the test is done.
final class TemporaryFolder {
    let path: FilePath
    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletind-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = FilePath(url.path)
    }
    deinit { try? FileManager.default.removeItem(atPath: path.string) }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path.appending(name).string))
    }
    func contents(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path.appending(name).string)), as: UTF8.self)
    }
}
