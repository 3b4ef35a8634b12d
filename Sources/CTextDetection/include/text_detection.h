// The three C and C++ libraries bulletind reads text with, behind plain C functions with stable
// names: ICU (charset detection and strict conversion; its own names carry the ICU version),
// uchardet (a second charset detector) and CLD2 (language identification, a C++ API).
#ifndef BULLETIND_TEXT_DETECTION_H
#define BULLETIND_TEXT_DETECTION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One reading ICU's charset detector proposes: its name and confidence (0-100).
typedef struct {
    char name[32];
    int32_t confidence;
} td_charset_candidate;

/// ICU's candidates for `bytes`, best first; returns how many were written (at most `capacity`).
int32_t td_icu_charsets(const uint8_t *bytes, int32_t length, td_charset_candidate *out, int32_t capacity);

/// uchardet's one answer for `bytes` (an empty name when it has none); returns the name's length.
int32_t td_uchardet_charset(const uint8_t *bytes, size_t length, char *name, int32_t capacity);

/// Decodes `bytes` from `charset` to UTF-8, stopping at the first byte sequence that is illegal
/// or has no mapping in that charset. Returns the UTF-8 length, or:
///  -1 when ICU knows no such charset, -2 at a bad sequence (its offset in *error_offset),
///  -3 when `capacity` is too small (3 bytes per input byte plus 16 always suffice).
int64_t td_decode(const char *charset, const uint8_t *bytes, int64_t length, uint8_t *out, int64_t capacity,
                  int64_t *error_offset);

/// The canonical ICU name of a charset name or alias, or "" when ICU does not know it.
const char *td_canonical_charset(const char *name);

/// CLD2's verdict on some UTF-8 plain text: its three likeliest languages (CLD2's numbers; see
/// td_language_code), the share of the text in each (percent), each one's score per kilobyte
/// of its text (higher for text that reads like the language), the letters scored, and
/// whether the first is clearly ahead.
typedef struct {
    int32_t language[3];
    int32_t percent[3];
    double normalized_score[3];
    int32_t text_bytes;
    int32_t reliable;
} td_language_result;

void td_detect_language(const char *utf8, int32_t length, td_language_result *out);

/// The code CLD2 gives a language number ("en", "zh-Hant", "un" for unknown), or NULL past the
/// last one.
const char *td_language_code(int32_t language);

#ifdef __cplusplus
}
#endif

#endif
