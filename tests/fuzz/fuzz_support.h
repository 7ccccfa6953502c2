// Shared by the libFuzzer harnesses: the built-in lexicon, loaded once per process (a
// harness runs millions of inputs; the lexicon takes most of a second to build).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dossier/extract/actors/lexicon.h"

namespace dossier::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline const ActorLexicon& lexicon() {
  static const ActorLexicon loaded = ActorLexicon::builtin();
  return loaded;
}

// A broken invariant is a crash libFuzzer reports with the input that caused it.
inline void require(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace dossier::fuzz
