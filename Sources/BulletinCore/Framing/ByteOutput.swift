/// Bytes written through a pointer into room made beforehand: a reader that cleans a line into
/// one buffer pays one check for the line, where an Array append pays its checks (and a call)
/// for every run of bytes and every single byte. The bytes past `count` are spare room.
struct ByteOutput {
    private(set) var storage: [UInt8]
    private(set) var count = 0

    /// Room for `capacity` bytes made at once (zeroed in one go), so that a reader that knows
    /// how much it will write at most never grows the buffer.
    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// Room for `room` more bytes, then `body` writes them at `pointer[written]` and advances
    /// `written` (which starts at `count` and becomes the new `count`).
    mutating func write<Result>(room: Int, _ body: (_ pointer: UnsafeMutablePointer<UInt8>, _ written: inout Int) -> Result) -> Result {
        if storage.count - count < room { storage += repeatElement(0, count: max(room, storage.count, 256)) }
        var written = count
        let result = storage.withUnsafeMutableBufferPointer { body($0.baseAddress!, &written) }
        precondition(written <= storage.count, "wrote past the room made")
        count = written
        return result
    }

    subscript(index: Int) -> UInt8 { storage[index] }

    subscript(range: Range<Int>) -> ArraySlice<UInt8> { storage[range] }
}
