/// LSH band keys: band j of a signature is bytes [j·r, j·r + r), mixed with j and the seed into
/// the 64-bit hash that picks the band table position and tag.
struct BandKeys: Sendable {
    let bandCount: Int
    let rowsPerBand: Int
    let seed: UInt64

    init(_ configuration: DedupConfiguration) {
        bandCount = configuration.bandCount
        rowsPerBand = configuration.rowsPerBand
        seed = configuration.seed
    }

    @inline(__always)
    func hash(band: Int, signature: UnsafeBufferPointer<UInt8>, offset: Int = 0) -> UInt64 {
        var key: UInt64 = 0
        let start = offset + band * rowsPerBand
        for row in 0..<rowsPerBand { key = (key << 8) | UInt64(signature[start + row]) }
        return StableHash.mix(key ^ (UInt64(band) << 56) ^ seed)
    }

    /// Whether band `band` of two signatures is equal (confirms a candidate after a tag hit).
    @inline(__always)
    func bandsEqual(band: Int, _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
                    secondOffset: Int) -> Bool {
        let start = band * rowsPerBand
        for row in 0..<rowsPerBand where first[start + row] != second[secondOffset + start + row] {
            return false
        }
        return true
    }
}
