import Foundation
import Glibc
import LinuxIO
import SystemPackage
import Testing

/// Binds a Unix socket at `path` (which creates the socket file); returns the descriptor.
func bindUnixSocket(at path: String) -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return -1 }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { close(fd); return -1 }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: bytes) }
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard bound == 0 else { close(fd); return -1 }
    return fd
}

/// Sockets and devices are named for what they are, and never opened.
@Suite struct SpecialFileTests {
    static var isRoot: Bool { geteuid() == 0 }

    @Test func aSocketIsRefusedByKind() throws {
        let folder = try TemporaryFolder()
        let path = folder.path.appending("sock.txt")
        let fd = bindUnixSocket(at: path.string)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(throws: FileReadFailure.notRegular(kind: "a socket")) { try RegularFileReader.read(path, limit: 100) }
    }

    /// Major 240 is reserved for local use and has no driver here: opening the node fails with
    /// ENXIO, so "a character device" (rather than an open error) proves it was never opened.
    @Test(.enabled(if: isRoot, "mknod needs root; CI runs as root"))
    func aDeviceNodeIsRefusedWithoutBeingOpened() throws {
        let folder = try TemporaryFolder()
        let path = folder.path.appending("device.txt")
        #expect(mknod(path.string, S_IFCHR | 0o644, dev_t((240 << 8) | 77)) == 0)
        #expect(throws: FileReadFailure.notRegular(kind: "a character device")) { try RegularFileReader.read(path, limit: 100) }
    }
}
