// Near-duplicate signatures: MinHash over word shingles of an article's cleaned body.
//
// Two articles' resemblance is the Jaccard index of their sets of shingles (runs of
// kShingleWords consecutive words, folded by the analyser, boilerplate lines already
// dropped by the article cleaner; the headline is left out, so a re-headed copy is an
// exact copy). A signature is a one-permutation MinHash: each shingle is hashed once into
// one of kHashes bins, each bin keeps its smallest hash, and empty bins are filled from
// others (densification); the fraction of positions where two signatures agree estimates
// the resemblance (Broder 1997; Li, Owen and Zhang 2012; Shrivastava 2017). Each bin keeps
// 16 bits of its minimum (b-bit minwise hashing, Li and Koenig 2010): two different minima
// agree by chance with probability 2^-16, which moves the estimate by (1 - r) / 65,536,
// nothing next to a bin's 1/kHashes. Locality-sensitive banding turns "resembles" into a
// lookup: the first kBands bands of kRows bins each, and two articles whose resemblance is r
// share at least one band with probability 1 - (1 - r^kRows)^kBands. A band is its bins'
// values themselves (band_keys()), read from the stored signatures when clustering, so it
// costs the database nothing. Figures behind the parameters and the sizes:
// docs/BENCHMARKS.md ("Near-duplicates").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/text/analyzer.h"

namespace dossier::dedup {

// Words per shingle: long enough that texts on one topic, or of one template with other
// figures, share few shingles; short enough that an edit changes few.
inline constexpr std::size_t kShingleWords = 4;
// A body of fewer words gets no signature, so it is never clustered: such a text is
// mostly its template (dividend notices, rate announcements: "Qtly div 10 cts vs 10 cts
// prior, pay April 1"), the same words for different companies and days, and the story
// is told by the headline, which copies may change.
inline constexpr std::size_t kMinWords = 50;
// Bins per signature (the estimate's standard error is about sqrt(r(1-r)/kHashes) once
// most bins are filled).
inline constexpr std::size_t kHashes = 128;
// Banding: the first kBands * kRows hash values; a pair at resemblance 0.5 shares a band
// with probability 0.997, at 0.3 with 0.85 (verified against the whole signature after).
inline constexpr std::size_t kBands = 20;
inline constexpr std::size_t kRows = 2;
static_assert(kBands * kRows <= kHashes);
static_assert(kMinWords >= kShingleWords);
// Two articles are copies of one story when their estimated resemblance is at least this
// and, checked exactly on the two texts, at least kMinContainment of the shorter's
// shingles occur in the longer: a copy is the story cut, padded or re-headed (containment
// near 1 however much was cut), while another report of the same template, or an update
// with other figures, differs throughout (Reuters: 0.75 to 0.89; docs/BENCHMARKS.md).
inline constexpr double kThreshold = 0.5;
inline constexpr double kMinContainment = 0.9;
// Changes whenever the stored signature of a given text changes (the parameters above, the
// hashing, the encoding): stored articles' stamps include it, so the next run re-analyses
// them all. 3: 16 bits a bin, no band terms (2 stored 32 bits a bin and wrote band terms;
// decode() reads those as 3's, see there).
inline constexpr int kSignatureVersion = 3;

using Signature = std::array<std::uint16_t, kHashes>;

// The distinct shingles of a body's words, as hashes, sorted: what a signature samples.
std::vector<std::uint64_t> shingles_of(const std::vector<Token>& body);

// The fraction of the smaller set's shingles that the other holds (sorted, distinct, as
// shingles_of() gives them); 0 when either is empty.
double containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// The signature of a body's words; nothing when the body has fewer than kMinWords words
// (such an article is never clustered).
std::optional<Signature> signature_of(const std::vector<Token>& body);

// The estimated resemblance of two articles: the fraction of bins that agree.
double resemblance(const Signature& a, const Signature& b);
// Whether two articles are copies of one story (resemblance >= kThreshold).
bool same_story(const Signature& a, const Signature& b);

// kSlotSignature's encoding: kHashes big-endian uint16. decode() also reads signature
// version 2's kHashes big-endian uint32, whose low 16 bits are version 3's bins (the same
// hashing), so articles not yet re-analysed cluster with new ones; nothing for any other
// length.
std::string encode(const Signature& signature);
std::optional<Signature> decode(std::string_view value);

// A band: its kRows bins' values, the first one in the high bits.
using BandKey = std::uint32_t;
static_assert(kRows * 16 <= 8 * sizeof(BandKey));
// The bands of a signature, band by band: two articles are candidates when they have equal
// keys in one band.
std::array<BandKey, kBands> band_keys(const Signature& signature);

}  // namespace dossier::dedup
