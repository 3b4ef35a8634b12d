#include "text_detection.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <uchardet/uchardet.h>

int32_t td_icu_charsets(const uint8_t *bytes, int32_t length, td_charset_candidate *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return 0;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &status);
    int32_t written = 0;
    if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < found && written < capacity; i++) {
            const char *name = ucsdet_getName(matches[i], &status);
            int32_t confidence = ucsdet_getConfidence(matches[i], &status);
            if (U_FAILURE(status) || name == NULL) break;
            strncpy(out[written].name, name, sizeof out[written].name - 1);
            out[written].name[sizeof out[written].name - 1] = 0;
            out[written].confidence = confidence;
            written++;
        }
    }
    ucsdet_close(detector);
    return written;
}

int32_t td_uchardet_charset(const uint8_t *bytes, size_t length, char *name, int32_t capacity) {
    if (capacity <= 0) return 0;
    name[0] = 0;
    uchardet_t detector = uchardet_new();
    if (detector == NULL) return 0;
    int32_t written = 0;
    if (uchardet_handle_data(detector, (const char *)bytes, length) == 0) {
        uchardet_data_end(detector);
        const char *answer = uchardet_get_charset(detector);
        if (answer != NULL) {
            strncpy(name, answer, (size_t)capacity - 1);
            name[capacity - 1] = 0;
            written = (int32_t)strlen(name);
        }
    }
    uchardet_delete(detector);
    return written;
}

int64_t td_decode(const char *charset, const uint8_t *bytes, int64_t length, uint8_t *out, int64_t capacity,
                  int64_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    UConverter *utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
        ucnv_close(source);
        return -1;
    }
    // Stop at the first illegal or unmapped sequence instead of inventing a substitute.
    ucnv_setToUCallBack(source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    char *target = (char *)out;
    const char *input = (const char *)bytes;
    UChar pivot[1024];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    ucnv_convertEx(utf8, source, &target, (char *)out + capacity, &input, (const char *)bytes + length,
                   pivot, &pivotSource, &pivotTarget, pivot + 1024, 1, 1, &status);
    int64_t result;
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        result = -3;
    } else if (U_FAILURE(status)) {
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(source, invalid, &invalidLength, &ignored);
        *error_offset = (int64_t)(input - (const char *)bytes) - (U_SUCCESS(ignored) ? invalidLength : 0);
        result = -2;
    } else {
        result = (int64_t)(target - (char *)out);
    }
    ucnv_close(source);
    ucnv_close(utf8);
    return result;
}

const char *td_canonical_charset(const char *name) {
    UErrorCode status = U_ZERO_ERROR;
    const char *canonical = ucnv_getCanonicalName(name, "IANA", &status);
    if (U_SUCCESS(status) && canonical != NULL) return canonical;
    status = U_ZERO_ERROR;
    canonical = ucnv_getAlias(name, 0, &status);
    return U_SUCCESS(status) && canonical != NULL ? canonical : "";
}
