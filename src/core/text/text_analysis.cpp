#include "core/text/text_analysis.hpp"

#include "core/text/context_marking.hpp"
#include "core/text/text_numbers.hpp"
#include "core/text/tokenizer.hpp"
#include "core/text/vocabulary.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace backrelief {

namespace {

class Analyzer {
  /// A run of words a time belongs with (read_time).
  struct Stretch {
    std::size_t first = 0;
    std::size_t last = 0;
    bool current = false; ///< holds "still", "again"...
  };

public:
  Analyzer(std::string_view text, const Vocabulary& vocabulary, int year)
      : m_text(text), m_vocabulary(vocabulary), m_tokens(tokenize(text)), m_year(year) {}

  TextAnalysis run() {
    find_phrases();
    find_patterns();
    const std::vector<ContextMark> marks = mark_context(m_tokens, m_matches, m_in_match, m_vocabulary);
    if (std::any_of(m_matches.begin(), m_matches.end(), [this](const TextMatch& match) {
          return m_vocabulary.counts_within(match.concept_id) != k_counts_as_written;
        })) {
      m_events = read_event_times(m_tokens, m_vocabulary.context(), m_year);
      find_stretches();
    }
    TextAnalysis analysis;
    analysis.facts.reserve(m_matches.size());
    for (std::size_t i = 0; i < m_matches.size(); ++i) {
      const TextMatch& match = m_matches[i];
      const ContextMark& mark = marks[i];
      TextFact fact;
      fact.concept_id = match.concept_id;
      fact.begin = m_tokens[match.first].begin;
      fact.end = m_tokens[match.last].end;
      fact.from = std::string(m_text.substr(fact.begin, fact.end - fact.begin));
      fact.negated = mark.has(ModifierCategory::negated);
      fact.resolved = mark.has(ModifierCategory::resolved);
      fact.family = mark.has(ModifierCategory::someone_else);
      fact.hypothetical = mark.has(ModifierCategory::hypothetical);
      fact.fuzzy = match.fuzzy;
      fact.by_pattern = match.by_pattern;
      fact.source = match.source;
      const bool dated = read_time(match, mark, fact);
      const bool qualified = fact.negated || fact.resolved || fact.family || fact.hypothetical;
      if (mark.qualifier && qualified) {
        fact.qualifier = text_of(*mark.qualifier);
      } else if (fact.historical) {
        fact.qualifier = fact.when;
      }
      // "PMH: DVT 2019": a clot long past is a clotting history, which still counts; "my dad has
      // AS": another person's spondylitis is the person's family history.
      std::optional<TextFact> instead;
      const bool only_past = dated && fact.historical && !qualified;
      const bool only_family = fact.family && !fact.negated && !fact.resolved && !fact.hypothetical;
      const std::optional<ConceptId> other = only_past     ? m_vocabulary.past(match.concept_id)
                                             : only_family ? m_vocabulary.family(match.concept_id)
                                                           : std::nullopt;
      if (other) {
        instead = fact;
        instead->concept_id = *other;
        instead->historical = false;
        instead->family = false;
        instead->qualifier.clear();
        instead->stands_for = match.concept_id;
        instead->stands_for_family = only_family;
      }
      analysis.facts.push_back(std::move(fact));
      if (instead) {
        analysis.facts.push_back(std::move(*instead));
      }
    }
    drop_repeated_stand_ins(analysis.facts);
    read_numbers(m_text, m_tokens, m_vocabulary.context(), analysis);
    return analysis;
  }

private:
  // Longest phrase first at every position; a matched phrase's words are not grammar, so
  // "can't bend" is a symptom and not a negation of "bend".
  void find_phrases() {
    std::vector<std::optional<Vocabulary::WordId>> words(m_tokens.size());
    std::vector<bool> fuzzy(m_tokens.size(), false);
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (!is_content(m_tokens[i])) {
        continue;
      }
      words[i] = m_vocabulary.find(m_tokens[i].text);
      if (!words[i] && m_tokens[i].kind == TokenKind::word) {
        words[i] = m_vocabulary.find_misspelled(m_tokens[i].text);
        fuzzy[i] = words[i].has_value();
      }
    }
    m_in_match.assign(m_tokens.size(), false);
    for (std::size_t i = 0; i < m_tokens.size();) {
      auto found = m_vocabulary.longest_phrase(std::span(words).subspan(i));
      if ((!found || found->length == 1) && words[i] && !fuzzy[i] && m_tokens[i].kind == TokenKind::word) {
        // A known misspelling listed as a phrase of its own ("numbnes") is a word of its own; it may
        // still be the misspelling of a longer phrase ("numbness in my groin") or of another one.
        if (auto other = m_vocabulary.misspelling_of(*words[i], m_tokens[i].text)) {
          const auto exact = words[i];
          words[i] = other;
          const auto longer = m_vocabulary.longest_phrase(std::span(words).subspan(i));
          if (longer && (!found || longer->length > found->length)) {
            found = longer; // a listed misspelling, not a guess: allowed even where fuzzy is off
          } else {
            words[i] = exact;
          }
        }
      }
      found = accepted(words, fuzzy, i, found);
      if (!found) {
        ++i;
        continue;
      }
      TextMatch match{found->concept_id, i, i + found->length - 1, false, false, found->node, {}};
      for (std::size_t j = match.first; j <= match.last; ++j) {
        match.fuzzy = match.fuzzy || fuzzy[j];
      }
      for (std::size_t j = match.first; j <= match.last; ++j) {
        m_in_match[j] = true;
      }
      m_matches.push_back(match);
      i = match.last + 1;
    }
    m_words = std::move(words);
    m_fuzzy = std::move(fuzzy);
  }

  // Patterns look at the words the phrases saw, across the phrases found.
  void find_patterns() {
    std::vector<std::optional<Vocabulary::WordId>> words;
    std::vector<std::optional<Vocabulary::WordId>> exact;
    std::vector<std::uint32_t> sentence;
    std::vector<std::size_t> token_of;
    words.reserve(m_tokens.size());
    exact.reserve(m_tokens.size());
    sentence.reserve(m_tokens.size());
    token_of.reserve(m_tokens.size());
    std::uint32_t sentences = 0;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (m_tokens[i].kind == TokenKind::sentence_end || m_tokens[i].kind == TokenKind::question_end) {
        ++sentences;
      } else if (is_content(m_tokens[i])) {
        words.push_back(m_words[i]);
        if (m_tokens[i].kind == TokenKind::number) {
          exact.push_back(m_vocabulary.any_number());
        } else {
          exact.push_back(m_words[i] && !m_fuzzy[i] ? m_vocabulary.exact_form(*m_words[i], m_tokens[i].text)
                                                    : std::nullopt);
        }
        sentence.push_back(sentences);
        token_of.push_back(i);
      }
    }
    // "lost three stone, it wasn't intentional": a negated word neither blocks a `not-near` nor
    // satisfies an `only-near`.
    // Asked once a word at most: -1 not yet, else 0 or 1.
    std::vector<std::int8_t> negated_at;
    const auto negated = [&](std::uint32_t position) {
      if (negated_at.empty()) {
        negated_at.assign(words.size(), -1);
      }
      if (negated_at[position] < 0) {
        negated_at[position] =
            is_negated_word(m_tokens, m_matches, m_in_match, m_vocabulary, token_of[position]) ? 1 : 0;
      }
      return negated_at[position] == 1;
    };
    std::vector<PatternHit> hits = m_vocabulary.find_patterns(words, exact, sentence, negated);
    // The phrases found so far, in order and apart, so those among a hit's words are found by a
    // binary search; those a hit takes are dropped at the end.
    const std::size_t phrases = m_matches.size();
    m_matches.reserve(phrases + hits.size()); // `around` below points into it
    std::vector<bool> dropped(phrases, false);
    const auto phrases_around = [&](std::size_t first, std::size_t last) {
      const auto begin =
          std::partition_point(m_matches.begin(), m_matches.begin() + static_cast<std::ptrdiff_t>(phrases),
                               [&](const TextMatch& phrase) { return phrase.last < first; });
      auto end = begin;
      while (end != m_matches.begin() + static_cast<std::ptrdiff_t>(phrases) && end->first <= last) {
        ++end;
      }
      return std::span<TextMatch>(begin, end);
    };
    bool added = false;
    // Per hint concept, the spans its matches hold, apart and by first word: whether a new hit
    // overlaps one is a single look-up, not a scan of every match ("lost weight" said 100,000
    // times in one clause).
    std::unordered_map<ConceptId, std::map<std::size_t, std::size_t>> hint_spans;
    const auto hint_said = [&](const TextMatch& match) {
      auto& spans = hint_spans[match.concept_id];
      auto after = spans.upper_bound(match.last);
      if (after != spans.begin() && std::prev(after)->second >= match.first) {
        return true;
      }
      spans.emplace(match.first, match.last);
      return false;
    };
    for (const PatternHit& hit : hits) {
      TextMatch match;
      match.concept_id = m_vocabulary.patterns().patterns[hit.pattern].concept_id;
      match.by_pattern = true;
      match.source = hit.pattern;
      for (const std::uint32_t position : hit.positions) {
        match.taken.push_back(token_of[position]);
        match.fuzzy = match.fuzzy || m_fuzzy[token_of[position]];
      }
      if (match.fuzzy && !m_vocabulary.is_fuzzy(match.concept_id) && !m_vocabulary.is_red_flag(match.concept_id)) {
        continue;
      }
      match.first = match.taken.front();
      match.last = match.taken.back();
      if (m_vocabulary.patterns().patterns[hit.pattern].hint) {
        // A hint only looks on: no phrase goes for it, and its words stay free for the grammar.
        // Its patterns may find the same words in several ways; one of them says it.
        if (!hint_said(match)) {
          m_matches.push_back(std::move(match));
          added = true;
        }
        continue;
      }
      // A phrase that reaches past the hit reads the shared words its own way ("fragility
      // fracture in my wrist" is osteoporosis, not a broken wrist): the hit goes, unless it finds
      // a red flag (when in doubt, keep it). A phrase inside the hit's span ("down my" in "down
      // my left leg") stays beside it.
      const std::span<TextMatch> around = phrases_around(match.first, match.last);
      if (!m_vocabulary.is_red_flag(match.concept_id) &&
          std::any_of(around.begin(), around.end(), [&](const TextMatch& phrase) {
            const bool crosses = phrase.first < match.first || phrase.last > match.last;
            return phrase.concept_id != match.concept_id && phrase.last > phrase.first && crosses &&
                   std::any_of(match.taken.begin(), match.taken.end(),
                               [&](std::size_t token) { return token >= phrase.first && token <= phrase.last; });
          })) {
        continue;
      }
      // Words a phrase of the same concept covers already: the phrase is the plainer account.
      if (std::any_of(around.begin(), around.end(), [&](const TextMatch& phrase) {
            return phrase.concept_id == match.concept_id && phrase.first <= match.first && phrase.last >= match.last;
          })) {
        continue;
      }
      // A phrase of the same concept inside the hit's words says nothing more; any other phrase
      // stays, so "lifting" is still habitual lifting when a lift is also a fall risk.
      // A report-only concept ("cabin fever", "a rollercoaster on steroids") holds words so that
      // they mean nothing else: every phrase among them goes.
      const bool absorbs = m_vocabulary.patterns().patterns[hit.pattern].absorbs;
      for (TextMatch& phrase : around) {
        if (phrase.concept_id != match.concept_id && !absorbs) {
          continue;
        }
        bool inside = true;
        for (std::size_t k = phrase.first; inside && k <= phrase.last; ++k) {
          inside = match.takes(k);
        }
        if (inside) {
          dropped[static_cast<std::size_t>(&phrase - m_matches.data())] = true;
        }
      }
      for (const std::size_t token : match.taken) {
        m_in_match[token] = true;
      }
      m_matches.push_back(std::move(match));
      added = true;
    }
    std::size_t index = 0;
    std::erase_if(m_matches, [&](const TextMatch&) {
      const bool drop = index < phrases && dropped[index];
      ++index;
      return drop;
    });
    // A figure of speech holds its words for everyone, hints too: "a rollercoaster on steroids".
    const auto& rules = m_vocabulary.patterns().patterns;
    const auto from_rule = [&rules](const TextMatch& match, bool CompiledPatterns::Rule::*flag) {
      return match.by_pattern && match.source < rules.size() && rules[match.source].*flag;
    };
    // The figures by first word, each with the farthest last word of any figure up to it: a
    // hint is inside one when the farthest reach of those that start at or before it covers it.
    std::vector<std::pair<std::size_t, std::size_t>> figures;
    for (const TextMatch& match : m_matches) {
      if (from_rule(match, &CompiledPatterns::Rule::absorbs)) {
        figures.emplace_back(match.first, match.last);
      }
    }
    if (!figures.empty()) {
      std::sort(figures.begin(), figures.end());
      for (std::size_t i = 1; i < figures.size(); ++i) {
        figures[i].second = std::max(figures[i].second, figures[i - 1].second);
      }
      std::erase_if(m_matches, [&](const TextMatch& hint) {
        if (!from_rule(hint, &CompiledPatterns::Rule::hint)) {
          return false;
        }
        const auto after = std::upper_bound(
            figures.begin(), figures.end(), hint.first,
            [](std::size_t first, const std::pair<std::size_t, std::size_t>& figure) { return first < figure.first; });
        return after != figures.begin() && std::prev(after)->second >= hint.last;
      });
    }
    if (added) {
      std::stable_sort(m_matches.begin(), m_matches.end(),
                       [](const TextMatch& a, const TextMatch& b) { return a.first < b.first; });
    }
  }

  // Whether the concept reads time, and if so when the fact happened and whether that is too long
  // ago to count (Concept::counts_within_weeks). A time said in the same stretch of words ("a DVT
  // in 2019", "two years ago I had...") dates it; a word of the past ("as a kid", "history of")
  // says long ago; "still" or "again" there makes it current.
  bool read_time(const TextMatch& match, const ContextMark& mark, TextFact& fact) const {
    const double window = m_vocabulary.counts_within(match.concept_id);
    if (window == k_counts_as_written) {
      return false;
    }
    const Stretch& stretch = m_stretches[m_stretch_of[match.first]];
    std::optional<double> weeks;
    if (const EventTime* event = event_for(match, stretch)) {
      weeks = event->weeks_ago;
      fact.when = text_of(TextSpan{m_tokens[event->first].begin, m_tokens[event->last].end});
    }
    const auto past_bit = ContextMark::bit(ModifierCategory::historical);
    if (!weeks && ((mark.categories | mark.kept) & past_bit) != 0) {
      weeks = k_counts_ever;
      fact.when = mark.qualifier ? text_of(*mark.qualifier) : std::string{};
    }
    if (stretch.current) {
      weeks.reset(); // "a DVT in 2019 and the calf is swollen again"
    }
    fact.weeks_ago = weeks;
    if (window >= k_counts_ever) {
      fact.resolved = false; // "breast cancer in 2008, all clear": a history counts however it ended
      return true;
    }
    fact.historical = weeks && *weeks > window;
    return true;
  }

  // A fact that stands for another mention says nothing more where the words already report its
  // concept: "breast cancer in 2008" is a cancer history once, not twice.
  static void drop_repeated_stand_ins(std::vector<TextFact>& facts) {
    if (std::none_of(facts.begin(), facts.end(), [](const TextFact& fact) { return fact.stands_for.has_value(); })) {
      return;
    }
    // Per concept, the spans of its reported facts in text order, each with the farthest end so
    // far: a stand-in overlaps one when the last span starting before its end reaches past its begin.
    struct Reach {
      std::size_t begin;
      std::size_t farthest_end;
    };
    std::unordered_map<ConceptId, std::vector<Reach>> reported;
    for (const TextFact& fact : facts) {
      if (!fact.stands_for && fact.affirmed()) {
        std::vector<Reach>& spans = reported[fact.concept_id];
        const std::size_t farthest = spans.empty() ? fact.end : std::max(spans.back().farthest_end, fact.end);
        spans.push_back({fact.begin, farthest});
      }
    }
    std::erase_if(facts, [&](const TextFact& fact) {
      if (!fact.stands_for) {
        return false;
      }
      const auto found = reported.find(fact.concept_id);
      if (found == reported.end()) {
        return false;
      }
      const std::vector<Reach>& spans = found->second;
      const auto after = std::lower_bound(spans.begin(), spans.end(), fact.end,
                                          [](const Reach& reach, std::size_t end) { return reach.begin < end; });
      return after != spans.begin() && std::prev(after)->farthest_end > fact.begin;
    });
  }

  // The time said in a match's stretch: the nearest after its words, or else the last before.
  [[nodiscard]] const EventTime* event_for(const TextMatch& match, const Stretch& stretch) const {
    const auto after = std::upper_bound(m_events.begin(), m_events.end(), match.last,
                                        [](std::size_t token, const EventTime& event) { return token < event.first; });
    if (after != m_events.end() && after->last <= stretch.last) {
      return &*after;
    }
    if (after != m_events.begin() && std::prev(after)->first >= stretch.first) {
      return &*std::prev(after);
    }
    return nullptr;
  }

  // Splits the tokens, once, into the stretches a time belongs with: runs of words and numbers
  // up to the nearest comma, bracket or sentence end, or a new clause; each knows whether a word
  // of the `current` class stands in it.
  void find_stretches() {
    const ContextCues& cues = m_vocabulary.context();
    m_stretch_of.assign(m_tokens.size(), 0);
    bool open = false;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      const Token& token = m_tokens[i];
      if (!is_content(token) && token.kind != TokenKind::slash) {
        open = false;
        continue;
      }
      if (!open || new_clause_at(i)) {
        m_stretches.push_back(Stretch{i, i, false});
        open = true;
      }
      Stretch& stretch = m_stretches.back();
      stretch.last = i;
      stretch.current =
          stretch.current || (token.kind == TokenKind::word && cues.in_class(token.text, WordClass::current));
      m_stretch_of[i] = static_cast<std::uint32_t>(m_stretches.size() - 1);
    }
  }

  // "a DVT in 2016 and now my calf is swollen": a joining word before the person or their own
  // things starts a new clause, which a date before it does not reach.
  [[nodiscard]] bool new_clause_at(std::size_t k) const {
    const ContextCues& cues = m_vocabulary.context();
    if (m_tokens[k].kind != TokenKind::word || !cues.in_class(m_tokens[k].text, WordClass::list_joiners)) {
      return false;
    }
    for (std::size_t next = k + 1; next < m_tokens.size() && next <= k + 2; ++next) {
      const std::string& word = m_tokens[next].text;
      if (cues.in_class(word, WordClass::first_person) || cues.in_class(word, WordClass::possessive)) {
        return true;
      }
    }
    return false;
  }

  [[nodiscard]] std::string text_of(TextSpan span) const {
    return std::string(m_text.substr(span.begin, span.end - span.begin));
  }

  // A guessed misspelling may not complete a concept that says `fuzzy: false`, except a red
  // flag (when in doubt, the flag stays); a shorter phrase at the same place may still match.
  [[nodiscard]] std::optional<Vocabulary::PhraseMatch>
  accepted(const std::vector<std::optional<Vocabulary::WordId>>& words, const std::vector<bool>& fuzzy, std::size_t i,
           std::optional<Vocabulary::PhraseMatch> found) const {
    while (found) {
      const bool guessed =
          std::any_of(fuzzy.begin() + static_cast<std::ptrdiff_t>(i),
                      fuzzy.begin() + static_cast<std::ptrdiff_t>(i + found->length), [](bool value) { return value; });
      if (!guessed || m_vocabulary.is_fuzzy(found->concept_id) || m_vocabulary.is_red_flag(found->concept_id) ||
          found->length == 1) {
        break;
      }
      found = m_vocabulary.longest_phrase(std::span(words).subspan(i, found->length - 1));
    }
    if (found && found->length == 1 && fuzzy[i] && !m_vocabulary.is_fuzzy(found->concept_id) &&
        !m_vocabulary.is_red_flag(found->concept_id)) {
      return std::nullopt;
    }
    return found;
  }

  std::string_view m_text;
  const Vocabulary& m_vocabulary;
  std::vector<Token> m_tokens;
  std::vector<TextMatch> m_matches;
  std::vector<bool> m_in_match;
  std::vector<std::optional<Vocabulary::WordId>> m_words; ///< per token: its word in the vocabulary
  std::vector<bool> m_fuzzy;                              ///< per token: a guessed misspelling
  int m_year = 0;
  std::vector<EventTime> m_events; ///< in the order of the text
  std::vector<Stretch> m_stretches;
  std::vector<std::uint32_t> m_stretch_of; ///< per token: its stretch
};

// Cut an over-long description at a space before the limit, so analysis stays bounded.
std::string_view bounded(std::string_view text) {
  if (text.size() <= k_max_description_bytes) {
    return text;
  }
  const std::size_t cut = text.rfind(' ', k_max_description_bytes);
  return text.substr(0, cut == std::string_view::npos ? k_max_description_bytes : cut);
}

} // namespace

TextAnalysis analyze_text(std::string_view text, const Vocabulary& vocabulary, int year) {
  return Analyzer(bounded(text), vocabulary, year).run();
}

} // namespace backrelief
