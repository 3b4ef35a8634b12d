/// Windows-1252 as browsers read it (WHATWG): the five unassigned bytes map to the C1
/// control of the same value, so decoding is total and round-trips.
enum Windows1252 {
    /// Scalars for bytes 0x80...0x9F; every other byte is its own scalar (Latin-1).
    static let highControlRange: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? highControlRange[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value)!  // every table entry is a valid, non-surrogate scalar
    }

    static func decode(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(contentsOf: UTF8.encode(scalar(for: byte))!)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
