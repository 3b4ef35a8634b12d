/// Bytes written through a pointer into room made beforehand: a reader that cleans a line into
/// one buffer pays one check for the line, where an Array append pays its checks (and a call)
/// for every run of bytes and every single byte. The bytes past `count` are spare room.
struct ByteOutput {
    private(set) var storage: [UInt8] = []
    private(set) var count = 0

    /// Room for `room` more bytes, then `body` writes them at `pointer[written]` and advances
    /// `written` (which starts at `count` and becomes the new `count`).
    mutating func write<Result>(room: Int, _ body: (_ pointer: UnsafeMutablePointer<UInt8>, _ written: inout Int) -> Result) -> Result {
        if storage.count - count < room { grow(by: max(room, storage.count, 256)) }
        var written = count
        let result = storage.withUnsafeMutableBufferPointer { body($0.baseAddress!, &written) }
        precondition(written <= storage.count, "wrote past the room made")
        count = written
        return result
    }

    /// A buffer `more` bytes longer, zeroed at once, with the bytes written so far copied in (the
    /// spare bytes past `count` are nobody's). Appending `repeatElement` wrote the zeros one at a
    /// time: ~13 M instructions a parse of a Reuters feed.
    private mutating func grow(by more: Int) {
        var grown = [UInt8](repeating: 0, count: storage.count + more)
        if count > 0 {
            grown.withUnsafeMutableBufferPointer { out in
                storage.withUnsafeBufferPointer { old in out.baseAddress!.update(from: old.baseAddress!, count: count) }
            }
        }
        storage = grown
    }

    subscript(index: Int) -> UInt8 { storage[index] }

    subscript(range: Range<Int>) -> ArraySlice<UInt8> { storage[range] }
}
