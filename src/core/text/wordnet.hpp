#pragma once

#include "core/util/mapped_file.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backrelief {

/// A part of speech as WordNet files them: data.noun, data.verb, data.adj, data.adv.
enum class WordNetPos { noun, verb, adjective, adverb };

/// One sense of a word, named as NLTK and the WordNet browser name it: "buttocks.n.01" is the
/// first noun sense of "buttocks".
struct WordNetSense {
  std::string lemma; ///< lower case, words joined by '_' as WordNet writes them ("rear_end")
  WordNetPos pos = WordNetPos::noun;
  std::size_t number = 1; ///< 1-based, in WordNet's order of frequency
};

/// "buttocks.n.01" as a sense; nothing when it is not of that shape. The letter is n, v, a (or s,
/// a satellite adjective) or r.
std::optional<WordNetSense> parse_wordnet_sense(std::string_view name);

/// A part of speech in words: "noun", "verb", "adjective", "adverb".
std::string_view to_string(WordNetPos pos);

/// The name of a sense: "buttocks.n.01".
std::string to_string(const WordNetSense& sense);

/// Princeton WordNet 3.0 as Debian's wordnet-base installs it (/usr/share/wordnet), read with a
/// small reader of our own: the index and data files are mapped into memory (core/util/mapped_file),
/// the index searched by binary search and a synset read at its byte offset in the data file, so
/// only the pages holding what a rule file names are ever read from disk. Every word is
/// returned as people write it: '_' becomes a space ("rear end"), and WordNet's adjective markers
/// ("(a)", "(p)") are dropped.
class WordNet {
public:
  /// Opens the database in `directory`; throws Error (invalid_config) naming the package when its
  /// files are missing or cannot be read.
  explicit WordNet(std::filesystem::path directory);

  /// How many senses the lemma has in that part of speech; 0 when WordNet does not know it.
  [[nodiscard]] std::size_t sense_count(std::string_view lemma, WordNetPos pos) const;

  /// The words of the sense's synset, then those of its hyponyms down to `hyponym_depth` levels
  /// (0: none), each once, in that order; nothing when the sense does not exist.
  [[nodiscard]] std::optional<std::vector<std::string>> members(const WordNetSense& sense,
                                                                std::size_t hyponym_depth = 0) const;

  /// The irregular forms WordNet lists for a base word (verb.exc: "shot" for "shoot"; noun.exc:
  /// "feet" for "foot"), which a stemmer does not reach.
  [[nodiscard]] std::vector<std::string> irregular_forms(std::string_view base, WordNetPos pos) const;

  /// `words` of one part of speech followed by the irregular forms of each, each once: a verb's
  /// first word is inflected ("fall down", "fell down"), a noun's or an adjective's last
  /// ("foot", "feet"; "bad", "worse").
  [[nodiscard]] std::vector<std::string> with_irregular_forms(std::vector<std::string> words, WordNetPos pos) const;

  /// Where a word's meanings stand: how many senses it has in every part of speech together,
  /// and which of its senses in `pos` the synset of `sense` is (1: its most common); 0 when the
  /// word is not in that synset.
  struct Standing {
    std::size_t senses = 0;
    std::size_t rank = 0;
  };
  [[nodiscard]] Standing standing(std::string_view word, const WordNetSense& sense) const;

  /// The sizes and modification times of the files read: a cache of what was expanded from them
  /// is stale when this changes (a new package version).
  [[nodiscard]] static std::string identity(const std::filesystem::path& directory);

  [[nodiscard]] const std::filesystem::path& directory() const { return m_directory; }

private:
  struct Synset {
    std::vector<std::string> words;
    std::vector<std::size_t> hyponyms; ///< offsets in the same data file
  };

  [[nodiscard]] std::optional<std::string_view> index_line(std::string_view lemma, WordNetPos pos) const;
  [[nodiscard]] std::optional<Synset> synset_at(std::size_t offset, WordNetPos pos) const;
  /// The synset offsets of a lemma's senses, most common first.
  [[nodiscard]] std::vector<std::size_t> sense_offsets(std::string_view lemma, WordNetPos pos) const;
  /// By part of speech, (base, irregular form) pairs sorted by base, built on first use.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& irregular_table(WordNetPos pos) const;

  std::filesystem::path m_directory;
  std::vector<MappedFile> m_index;       ///< per part of speech, the index file
  std::vector<MappedFile> m_data;        ///< per part of speech, the data file
  std::vector<std::string> m_exceptions; ///< per part of speech, the whole .exc file
  mutable std::vector<std::optional<std::vector<std::pair<std::string, std::string>>>> m_irregular{4};
};

/// WordNet opened on first use: rule files that name no sense never need the package.
class WordNetSource {
public:
  explicit WordNetSource(std::filesystem::path directory) : m_directory(std::move(directory)) {}

  /// The database; throws as WordNet's constructor does when it cannot be opened.
  [[nodiscard]] const WordNet& get() const {
    if (!m_database) {
      m_database.emplace(m_directory);
    }
    return *m_database;
  }

private:
  std::filesystem::path m_directory;
  mutable std::optional<WordNet> m_database;
};

} // namespace backrelief
