#include "dossier/dedup/signature.h"

#include <algorithm>
#include <limits>

#include "dossier/base/hash.h"

namespace dossier::dedup {
namespace {

// SplitMix64's output function: a fixed, well-mixed bijection on 64 bits.
constexpr std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// One-permutation MinHash (Li, Owen and Zhang 2012): one hash per shingle, its top bits
// choosing one of kHashes bins, the rest its value there; a bin keeps its smallest value.
constexpr unsigned kBinBits = 7;
static_assert(std::size_t{1} << kBinBits == kHashes);

// A bin no shingle fell in takes the value of the first filled bin along a probe sequence
// that depends on the bin alone (Shrivastava 2017, "optimal densification"), so two texts
// with the same shingles fill it alike, and the fraction of agreeing bins still
// estimates the resemblance. Probes are fixed hashes of (bin, attempt).
void densify(std::array<std::uint64_t, kHashes>& minima, std::uint64_t empty) {
  const std::array<std::uint64_t, kHashes> filled = minima;
  for (std::size_t bin = 0; bin < kHashes; ++bin) {
    if (filled[bin] != empty) continue;
    for (std::uint64_t attempt = 1;; ++attempt) {
      const std::size_t probe = mix(bin << 32 | attempt) >> (64 - kBinBits);
      if (filled[probe] != empty) {
        minima[bin] = filled[probe];
        break;
      }
    }
  }
}

// Calls f(hash) for each shingle of `body`, in text order, repeats included.
template <typename F>
void for_each_shingle(const std::vector<Token>& body, F f) {
  std::vector<std::uint64_t> words(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) words[i] = fnv1a64(body[i].term);
  for (std::size_t start = 0; start + kShingleWords <= words.size(); ++start) {
    std::uint64_t shingle = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) shingle = mix(shingle ^ words[start + k]);
    f(shingle);
  }
}

}  // namespace

std::vector<std::uint64_t> shingles_of(const std::vector<Token>& body) {
  std::vector<std::uint64_t> out;
  for_each_shingle(body, [&](std::uint64_t shingle) { out.push_back(shingle); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double containment(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++shared;
      ++x;
      ++y;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

std::optional<Signature> signature_of(const std::vector<Token>& body) {
  if (body.size() < kMinWords) return std::nullopt;
  constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
  std::array<std::uint64_t, kHashes> minima;
  minima.fill(kEmpty);
  for_each_shingle(body, [&](std::uint64_t shingle) {
    const std::uint64_t h = mix(shingle);
    auto& slot = minima[h >> (64 - kBinBits)];
    // The value in the low bits (the bin's bits shifted out), as the high 32 bits below.
    slot = std::min(slot, h << kBinBits);
  });
  densify(minima, kEmpty);
  // Bits 32 to 47: a minimum is about 2^64 over the shingles in its bin, so its top bits
  // are mostly zeros and its low ones uniform (signature version 2 kept bits 32 to 63).
  Signature signature;
  for (std::size_t i = 0; i < kHashes; ++i)
    signature[i] = static_cast<std::uint16_t>(minima[i] >> 32);
  return signature;
}

double resemblance(const Signature& a, const Signature& b) {
  std::size_t agree = 0;
  for (std::size_t i = 0; i < kHashes; ++i) agree += a[i] == b[i];
  return static_cast<double>(agree) / kHashes;
}

bool same_story(const Signature& a, const Signature& b) {
  return resemblance(a, b) >= kThreshold;
}

std::string encode(const Signature& signature) {
  std::string out;
  out.reserve(2 * kHashes);
  for (const std::uint16_t v : signature) {
    out += static_cast<char>(v >> 8);
    out += static_cast<char>(v & 0xFF);
  }
  return out;
}

std::optional<Signature> decode(std::string_view value) {
  // Bytes a bin: 2, or 4 in signature version 2 (its low 2 bytes are version 3's bin).
  const std::size_t width = value.size() / kHashes;
  if (value.size() % kHashes != 0 || (width != 2 && width != 4)) return std::nullopt;
  Signature signature;
  for (std::size_t i = 0; i < kHashes; ++i) {
    const auto byte = [&](std::size_t k) {
      return static_cast<unsigned char>(value[width * i + width - 2 + k]);
    };
    signature[i] = static_cast<std::uint16_t>(byte(0) << 8 | byte(1));
  }
  return signature;
}

std::array<BandKey, kBands> band_keys(const Signature& signature) {
  std::array<BandKey, kBands> keys;
  for (std::size_t band = 0; band < kBands; ++band) {
    BandKey key = 0;
    for (std::size_t r = 0; r < kRows; ++r) key = key << 16 | signature[band * kRows + r];
    keys[band] = key;
  }
  return keys;
}

}  // namespace dossier::dedup
