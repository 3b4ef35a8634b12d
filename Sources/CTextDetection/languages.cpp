#include <malloc.h>
#include "text_detection.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" void td_detect_language(const char *utf8, int32_t length, td_language_result *out) {
    // CLD2 allocates a few hundred kilobytes of scoring tables on every call and frees them
    // again. With glibc's default trim threshold (128 KB) each free shrinks the heap and the
    // next call grows it back: two brk system calls and fresh zeroed pages per story, more
    // than the scoring itself costs on short stories. Up to 16 MB kept free at the heap's top
    // ends that (a long-running daemon holds those pages anyway). Set once, on first use.
    static const bool heapSettled = mallopt(M_TRIM_THRESHOLD, 16 << 20) == 1;
    (void)heapSettled;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language languages[3];
    int percents[3];
    double scores[3];
    int textBytes = 0;
    bool reliable = false;
    // The text must be valid UTF-8: Swift strings always are.
    CLD2::ExtDetectLanguageSummary(utf8, length, true, &hints, 0, languages, percents, scores, nullptr, &textBytes,
                                   &reliable);
    for (int i = 0; i < 3; i++) {
        out->language[i] = languages[i];
        out->percent[i] = percents[i];
        out->normalized_score[i] = scores[i];
    }
    out->text_bytes = textBytes;
    out->reliable = reliable ? 1 : 0;
}

extern "C" const char *td_language_code(int32_t language) {
    if (language < 0 || language >= CLD2::NUM_LANGUAGES) return nullptr;
    return CLD2::LanguageCode(static_cast<CLD2::Language>(language));
}
