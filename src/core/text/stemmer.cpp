#include "core/text/stemmer.hpp"

#include <libstemmer.h>
#include <memory>
#include <new>

namespace backrelief {

namespace {
struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerHandle = std::unique_ptr<sb_stemmer, StemmerDeleter>;
} // namespace

std::string stem(std::string_view word) {
  // A libstemmer object keeps state between calls: one per thread.
  thread_local const StemmerHandle stemmer{sb_stemmer_new("english", "UTF_8")};
  if (!stemmer) {
    throw std::bad_alloc();
  }
  const sb_symbol* result =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (result == nullptr) {
    throw std::bad_alloc();
  }
  return {reinterpret_cast<const char*>(result), static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))};
}

} // namespace backrelief
