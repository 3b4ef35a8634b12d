import BulletinCore
import Testing

@Suite struct BulletinDigestTests {
    /// FIPS 180-2's examples: the digest of the bytes, written as the store writes it.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ])
    func theDigestOfBytesIsTheirSHA256(text: String, hex: String) throws {
        let digest = BulletinDigest(of: Array(text.utf8))
        #expect(digest.hex == hex)
        #expect(try #require(BulletinDigest(hex: hex)) == digest)
    }

    @Test func digestsOfDifferentBytesDiffer() {
        let digests = Set(["a", "b", "a\n", "A"].map { BulletinDigest(of: Array($0.utf8)) })
        #expect(digests.count == 4)
    }

    /// Only the store's own form reads as a digest: 64 lower-case hex digits.
    @Test(arguments: [
        "", String(repeating: "a", count: 63), String(repeating: "a", count: 65),
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ag",
        " a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    ])
    func anythingElseIsNoDigest(text: String) {
        #expect(BulletinDigest(hex: text) == nil)
    }
}
