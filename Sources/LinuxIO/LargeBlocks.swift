import CLinux

/// How the C heap serves and takes back large blocks (issue #14, finding 5).
package enum LargeBlocks {
    /// The size from which a block is a mapping of its own, given back to the kernel when freed.
    package static let mappedFrom: Int32 = 1 << 20

    /// Blocks of a megabyte or more mapped on their own, always. By default glibc raises this
    /// threshold to the size of each mapped block freed (up to 32 MiB): once a bulletin's bytes
    /// (megabytes) were freed, its lines, parts and placements came from the heap, and when they
    /// were freed the heap kept their pages, so a file of tiny stories held its parse's peak as
    /// resident memory until the daemon exited (`bulletin-memory-test.py`: 5 MB of one tiny story
    /// repeated, 35.7 MiB above a small bulletin's run, 25.4 MiB with this). Blocks under a megabyte
    /// (CLD2's scoring tables among them: `CTextDetection`'s trim threshold) stay on the heap.
    /// Call once, before the first bulletin is read.
    package static func mapFromAMegabyte() {
        _ = bulletind_map_blocks_from(mappedFrom)
    }
}
