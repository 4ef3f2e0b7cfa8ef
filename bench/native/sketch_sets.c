// A C port of neardup.sketch.kernels.sketch_sets (the numba kernel of the sketch pass), line
// for line, for bench/native_vs_numba.py: is a small native extension faster than numba?
// Not part of the package. Build: cc -O2 -shared -fPIC -o libsketch.so sketch_sets.c -lm
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static inline uint64_t mix64(uint64_t z) {
    z ^= z >> 30; z *= 0xBF58476D1CE4E5B9ULL;
    z ^= z >> 27; z *= 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void position_weights(const uint64_t *words, int64_t count, int64_t m, int64_t ngram,
                             const uint64_t *stops, int64_t n_stops, const uint8_t *foreign,
                             int has_foreign, int weighted, int64_t window, double full_share,
                             double floor_, double unknown_share, double weighted_share,
                             uint8_t *out, int64_t *prefix) {
    for (int64_t p = 0; p < m; p++) out[p] = 255;
    if (!weighted) return;
    uint64_t mask = (uint64_t)(n_stops - 1);
    prefix[0] = 0;
    for (int64_t i = 0; i < count; i++) {
        if (has_foreign && foreign[i]) { prefix[i + 1] = prefix[i] + 1; continue; }
        uint64_t slot = words[i] & mask;
        int64_t hit = 0;
        while (stops[slot] != 0) {
            if (stops[slot] == words[i]) { hit = 1; break; }
            slot = (slot + 1) & mask;
        }
        prefix[i + 1] = prefix[i] + hit;
    }
    double text_share = (double)prefix[count] / (double)count;
    if (text_share < unknown_share) return;
    double blend = 1.0;
    if (text_share < weighted_share)
        blend = (text_share - unknown_share) / (weighted_share - unknown_share);
    int64_t width = window > ngram ? window : ngram;
    for (int64_t p = 0; p < m; p++) {
        int64_t a = p - (width - ngram) / 2; if (a < 0) a = 0;  // (width >= ngram)
        int64_t b = a + width; if (b > count) b = count;
        a = b - width; if (a < 0) a = 0;
        double share = (double)(prefix[b] - prefix[a]) / (double)(b - a);
        double r = share / full_share; if (r > 1.0) r = 1.0;
        double weight = floor_ + (1.0 - floor_) * r;
        if (blend < 1.0) weight = 1.0 - blend * (1.0 - weight);
        out[p] = (uint8_t)rint(weight * 255.0);
    }
}

static const int KEY_BYTES[5] = {0, 4, 5, 6, 7};

static void sort_keys(uint64_t *keys, uint64_t *spare, int64_t m, int64_t counts[5][256]) {
    memset(counts, 0, sizeof(int64_t) * 5 * 256);
    for (int64_t i = 0; i < m; i++) {
        uint64_t key = keys[i];
        for (int d = 0; d < 5; d++) counts[d][(key >> (8 * KEY_BYTES[d])) & 0xFF]++;
    }
    uint64_t *source = keys, *target = spare;
    for (int d = 0; d < 5; d++) {
        int shift = 8 * KEY_BYTES[d];
        int64_t *row = counts[d];
        if (row[(source[0] >> shift) & 0xFF] == m) continue;
        int64_t total = 0;
        for (int byte = 0; byte < 256; byte++) { int64_t n = row[byte]; row[byte] = total; total += n; }
        for (int64_t i = 0; i < m; i++) {
            uint64_t key = source[i];
            target[row[(key >> shift) & 0xFF]++] = key;
        }
        uint64_t *t = source; source = target; target = t;
    }
    if (source != keys) memcpy(keys, source, sizeof(uint64_t) * m);
}

static void densify(uint64_t *row, const uint8_t *filled, const int64_t *probes, int64_t n_probes,
                    int64_t k) {
    int64_t first = -1;
    for (int64_t b = 0; b < k; b++) if (filled[b]) { first = b; break; }
    for (int64_t b = 0; b < k; b++) {
        if (filled[b]) continue;
        int done = 0;
        for (int64_t attempt = 0; attempt < n_probes; attempt++) {
            int64_t target = probes[attempt * k + b];
            if (filled[target]) { row[b] = row[target] + (uint64_t)(attempt + 1); done = 1; break; }
        }
        if (!done) row[b] = row[first];
    }
}

// Outputs are preallocated by the caller: signatures n_docs*k, sizes n_docs, compact_values and
// compact_weights of room total, compact_offsets n_docs+1. Returns the number of compact values.
int64_t sketch_sets(const uint64_t *words, const int64_t *word_starts, const int64_t *word_ends,
                    int64_t n_docs, int64_t ngram, uint64_t salt, uint64_t q, int64_t k,
                    uint64_t shift, const int64_t *probes, int64_t n_probes,
                    const uint64_t *stops, int64_t n_stops, const uint8_t *foreign,
                    int64_t n_foreign, int weighted, int64_t window, double full_share,
                    double floor_, double unknown_share, double weighted_share,
                    uint64_t *signatures, int64_t *sizes, uint32_t *compact_values,
                    uint8_t *compact_weights, int64_t *compact_offsets) {
    int64_t longest = 0;
    for (int64_t d = 0; d < n_docs; d++) {
        int64_t c = word_ends[d] - word_starts[d];
        if (c > longest) longest = c;
    }
    if (longest < 1) longest = 1;
    uint64_t *buf = malloc(sizeof(uint64_t) * longest);
    uint64_t *spare = malloc(sizeof(uint64_t) * longest);
    uint8_t *pw = malloc(longest);
    int64_t *prefix = malloc(sizeof(int64_t) * (longest + 1));
    uint8_t *filled = malloc(k);
    int64_t (*counts)[256] = malloc(sizeof(int64_t) * 5 * 256);
    const uint64_t high = 0xFFFFFFFF00000000ULL;
    int64_t out = 0;
    compact_offsets[0] = 0;
    for (int64_t d = 0; d < n_docs; d++) {
        uint64_t *row = signatures + d * k;
        for (int64_t b = 0; b < k; b++) row[b] = 0xFFFFFFFFFFFFFFFFULL;
        int64_t lo = word_starts[d], hi = word_ends[d];
        int64_t count = hi - lo;
        if (count <= 0) { sizes[d] = 0; compact_offsets[d + 1] = out; continue; }
        const uint64_t *w = words + lo;
        int64_t n = ngram < count ? ngram : count;
        int64_t m = count - n + 1;
        for (int64_t p = 0; p < m; p++) {
            uint64_t acc = w[p];
            for (int64_t j = 1; j < n; j++) acc = acc * q + w[p + j];
            buf[p] = mix64(acc ^ salt);
        }
        position_weights(w, count, m, ngram, stops, n_stops, n_foreign ? foreign + lo : NULL,
                         n_foreign > 0, weighted, window, full_share, floor_, unknown_share,
                         weighted_share, pw, prefix);
        memset(filled, 0, k);
        for (int64_t p = 0; p < m; p++) {
            uint64_t v = buf[p];
            uint64_t b = v >> shift;
            if (v < row[b] || !filled[b]) { row[b] = v; filled[b] = 1; }
            buf[p] = (v & high) | (uint64_t)pw[p];
        }
        sort_keys(buf, spare, m, counts);
        int64_t start = out;
        for (int64_t r = 0; r < m; r++) {
            uint32_t c = (uint32_t)(buf[r] >> 32);
            if (r + 1 < m && (uint32_t)(buf[r + 1] >> 32) == c) continue;
            compact_values[out] = c;
            compact_weights[out] = (uint8_t)(buf[r] & 0xFF);
            out++;
        }
        sizes[d] = out - start;
        compact_offsets[d + 1] = out;
        densify(row, filled, probes, n_probes, k);
    }
    free(buf); free(spare); free(pw); free(prefix); free(filled); free(counts);
    return out;
}
