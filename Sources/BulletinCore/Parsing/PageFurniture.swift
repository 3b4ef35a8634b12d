/// A web page's furniture kept in the text of an article: a link to another story ("Read
/// more: …", "Weiterlesen: …", "MIRA | …", "También puede leer: …"), a photo or video credit
/// or caption label ("Foto: …", "Fotocredit: …", "VIDEO: …"), a press contact or a "follow
/// us" line. Short and shaped like a headline, it sits inside the story it was cut from and
/// never opens one. Asked only of headline candidates, never of every line.
///
/// A line is furniture when it opens with one of these labels, in any case, followed by a
/// colon, a bar, a dash or nothing: the label says what the line is, whatever follows.
enum PageFurniture {
    /// Lower case. Links to other stories as desks label them in English, German, French,
    /// Spanish, Portuguese, Italian, Dutch, Polish; pictures, video and their credits;
    /// contacts and calls to follow.
    static let labels: [[UInt8]] = [
        "read more", "read also", "also read", "see also", "related", "related stories", "related articles",
        "more on this story", "weiterlesen", "zum weiterlesen", "lesen sie auch", "lesen sie mehr",
        "mehr zum thema", "auch interessant", "das könnte sie auch interessieren", "lire aussi", "à lire aussi",
        "a lire aussi", "voir aussi", "lee más", "lea más", "lee también", "lea también", "mira", "mire",
        "ver más", "ver también", "también puede leer", "le puede interesar", "te puede interesar",
        "nota relacionada", "notas relacionadas", "noticia relacionada", "noticias relacionadas", "leia também", "leia mais", "leggi anche", "lees ook",
        "zie ook", "czytaj też", "czytaj także", "czytaj więcej",
        "photo", "photos", "foto", "fotos", "fotocredit", "photo credit", "bild", "bildergalerie", "titelbild",
        "crédit photo", "crédits photos", "video", "watch", "gallery", "galería", "image", "caption", "图注",
        "图片来源",
        "pressekontakt", "press contact", "media contact", "kontakt", "follow us", "folgen sie uns", "síguenos",
        "siguenos",
    ].map { Array($0.utf8) }

    /// `labels` by their first byte: a candidate is compared only with the few that open
    /// with its own first letter (most with none), not with all of them.
    private static let labelsByFirstByte: [[[UInt8]]] = labels.reduce(into: Array(repeating: [], count: 256)) {
        $0[Int($1[0])].append($1)
    }

    static func isFurniture(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { isFurniture($0) }
    }

    static func isFurniture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        let folded = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        for label in labelsByFirstByte[Int(folded)] {
            guard let end = foldedPrefixEnd(bytes, label) else { continue }
            // "Foto: …", "MIRA | …", "Weiterlesen - …", or the label alone ("Related Stories");
            // not "Photographers strike" nor "Mirador".
            var index = end
            while index < bytes.count && bytes[index] == 0x20 { index += 1 }
            guard index < bytes.count else { return true }
            let mark = bytes[index]
            if mark == 0x3A || mark == 0x7C || (mark == 0x2D && index > end) { return true }
            // A full-width colon ("图注：").
            if mark == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A {
                return true
            }
        }
        return false
    }

    /// Where `label` ends in `bytes` when `bytes` opens with it, ASCII letters and the
    /// accented letters of Latin-1 ("MÁS") folded to lower case.
    private static func foldedPrefixEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ label: [UInt8]) -> Int? {
        guard bytes.count >= label.count else { return nil }
        for offset in label.indices {
            var byte = bytes[offset]
            if byte >= 0x41 && byte <= 0x5A {
                byte |= 0x20
            } else if offset > 0 && bytes[offset - 1] == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                byte += 0x20  // À-Þ → à-þ
            }
            guard byte == label[offset] else { return nil }
        }
        return label.count
    }
}
