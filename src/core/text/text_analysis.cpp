#include "core/text/text_analysis.hpp"

#include "core/text/lexicon.hpp"
#include "core/text/text_numbers.hpp"
#include "core/text/tokenizer.hpp"
#include "core/text/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace backrelief {

namespace {

// How many words after a trigger a negation reaches. A red flag is suppressed only by a negation
// close to it: when in doubt, the flag stays.
constexpr std::size_t k_negation_reach = 8;
constexpr std::size_t k_red_flag_negation_reach = 5;

/// A concept found over tokens [first, last]: by a phrase, every token between; by a pattern,
/// the tokens in `taken` (a gap's words are not its own).
struct Match {
  ConceptId concept_id = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  bool fuzzy = false;
  bool by_pattern = false;
  std::uint32_t source = 0; ///< the phrase's trie node or the pattern's index
  std::vector<std::size_t> taken;

  [[nodiscard]] bool takes(std::size_t token) const {
    return by_pattern ? std::binary_search(taken.begin(), taken.end(), token) : token >= first && token <= last;
  }
};

/// The words that qualified a fact, as byte offsets into the description.
struct Trigger {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Which grammar a stretch of tokens starts.
enum class Cue : std::uint8_t { none, pseudo, negation, negation_after, terminator, family, hypothetical };

class Analyzer {
public:
  Analyzer(std::string_view text, const Vocabulary& vocabulary)
      : m_text(text), m_vocabulary(vocabulary), m_tokens(tokenize(text)) {
    m_family_at.resize(m_tokens.size());
    m_traits.reserve(m_tokens.size());
    for (const Token& token : m_tokens) {
      m_traits.push_back(token.kind == TokenKind::word ? word_traits(token.text) : 0);
    }
  }

  TextAnalysis run() {
    find_phrases();
    find_patterns();
    mark_context();
    negate_inside_patterns();
    negate_backwards();
    TextAnalysis analysis;
    for (std::size_t i = 0; i < m_matches.size(); ++i) {
      const Match& match = m_matches[i];
      TextFact fact;
      fact.concept_id = match.concept_id;
      fact.begin = m_tokens[match.first].begin;
      fact.end = m_tokens[match.last].end;
      fact.from = std::string(m_text.substr(fact.begin, fact.end - fact.begin));
      fact.negated = m_negated[i];
      fact.family = m_family[i];
      fact.hypothetical = m_hypothetical[i];
      fact.fuzzy = match.fuzzy;
      fact.by_pattern = match.by_pattern;
      fact.source = match.source;
      if (m_qualifier[i] && (fact.negated || fact.family || fact.hypothetical)) {
        fact.qualifier = std::string(m_text.substr(m_qualifier[i]->begin, m_qualifier[i]->end - m_qualifier[i]->begin));
      }
      analysis.facts.push_back(std::move(fact));
    }
    read_numbers(m_text, m_tokens, analysis);
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
      Match match{found->concept_id, i, i + found->length - 1, false, false, found->node, {}};
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
    std::vector<PatternHit> hits = m_vocabulary.find_patterns(words, exact, sentence);
    bool added = false;
    for (const PatternHit& hit : hits) {
      Match match;
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
      // A phrase that reaches past the hit reads the shared words its own way ("fragility
      // fracture in my wrist" is osteoporosis, not a broken wrist): the hit goes, unless it finds
      // a red flag (when in doubt, keep it). A phrase inside the hit's span ("down my" in "down
      // my left leg") stays beside it.
      if (!m_vocabulary.is_red_flag(match.concept_id) &&
          std::any_of(m_matches.begin(), m_matches.end(), [&](const Match& phrase) {
            const bool crosses = (phrase.first < match.first || phrase.last > match.last) &&
                                 phrase.last >= match.first && phrase.first <= match.last;
            return !phrase.by_pattern && phrase.concept_id != match.concept_id && phrase.last > phrase.first &&
                   crosses && std::any_of(match.taken.begin(), match.taken.end(), [&](std::size_t token) {
                     return token >= phrase.first && token <= phrase.last;
                   });
          })) {
        continue;
      }
      // Words a phrase of the same concept covers already: the phrase is the plainer account.
      if (std::any_of(m_matches.begin(), m_matches.end(), [&](const Match& phrase) {
            return !phrase.by_pattern && phrase.concept_id == match.concept_id && phrase.first <= match.first &&
                   phrase.last >= match.last;
          })) {
        continue;
      }
      // A phrase of the same concept inside the hit's words says nothing more; any other phrase
      // stays, so "lifting" is still habitual lifting when a lift is also a fall risk.
      // A report-only concept ("cabin fever", "a rollercoaster on steroids") holds words so that
      // they mean nothing else: every phrase among them goes.
      const bool absorbs = m_vocabulary.patterns().patterns[hit.pattern].absorbs;
      std::erase_if(m_matches, [&](const Match& phrase) {
        if (phrase.by_pattern || (phrase.concept_id != match.concept_id && !absorbs)) {
          return false;
        }
        for (std::size_t k = phrase.first; k <= phrase.last; ++k) {
          if (!match.takes(k)) {
            return false;
          }
        }
        return true;
      });
      for (const std::size_t token : match.taken) {
        m_in_match[token] = true;
      }
      m_matches.push_back(std::move(match));
      added = true;
    }
    if (added) {
      std::stable_sort(m_matches.begin(), m_matches.end(),
                       [](const Match& a, const Match& b) { return a.first < b.first; });
    }
    m_negated.assign(m_matches.size(), false);
    m_family.assign(m_matches.size(), false);
    m_hypothetical.assign(m_matches.size(), false);
    m_qualifier.assign(m_matches.size(), std::nullopt);
  }

  // "my bottom is not numb": a negation among a pattern's own words negates it, red flag or not,
  // for it is as close as a negation gets.
  void negate_inside_patterns() {
    for (std::size_t m = 0; m < m_matches.size(); ++m) {
      const Match& match = m_matches[m];
      if (!match.by_pattern) {
        continue;
      }
      for (std::size_t k = match.first + 1; k < match.last; ++k) {
        if (!match.takes(k) && is_free_word(k) && cue_at(k).first == Cue::negation) {
          m_negated[m] = true;
          m_qualifier[m] = Trigger{m_tokens[k].begin, m_tokens[k + cue_at(k).second - 1].end};
          break;
        }
      }
    }
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

  [[nodiscard]] bool is_free_word(std::size_t i) const {
    return i < m_tokens.size() && m_tokens[i].kind == TokenKind::word && !m_in_match[i];
  }

  // The length of `sequence` at token i, or 0 when the words there differ.
  [[nodiscard]] std::size_t sequence_at(std::size_t i, const WordSequence& sequence) const {
    for (std::size_t k = 0; k < sequence.size(); ++k) {
      if (!is_free_word(i + k) || m_tokens[i + k].text != sequence[k]) {
        return 0;
      }
    }
    return sequence.size();
  }

  // Whether some sequence of `list` starts with token i's word.
  [[nodiscard]] bool may_start(std::size_t i, TriggerList list) const {
    return has_trait(i, static_cast<std::uint16_t>(1U << static_cast<unsigned>(list)));
  }

  [[nodiscard]] bool has_trait(std::size_t i, std::uint16_t trait) const {
    return i < m_traits.size() && (m_traits[i] & trait) != 0;
  }

  [[nodiscard]] std::size_t longest_at(std::size_t i, TriggerList list) const {
    return may_start(i, list) ? longest_at(i, triggers(list)) : 0;
  }

  [[nodiscard]] std::size_t longest_at(std::size_t i, std::span<const WordSequence> sequences) const {
    std::size_t longest = 0;
    for (const WordSequence& sequence : sequences) {
      longest = std::max(longest, sequence_at(i, sequence));
    }
    return longest;
  }

  // The grammar cue at token i and its length; pseudo-negations win over the negations they contain.
  [[nodiscard]] std::pair<Cue, std::size_t> cue_at(std::size_t i) const {
    constexpr std::uint16_t k_any_cue = 0xFF;
    if (!has_trait(i, k_any_cue)) {
      return {Cue::none, 0};
    }
    constexpr std::array<std::pair<Cue, TriggerList>, 6> k_order{{
        {Cue::pseudo, TriggerList::pseudo},
        {Cue::negation_after, TriggerList::negation_after},
        {Cue::negation, TriggerList::negation},
        {Cue::terminator, TriggerList::terminator},
        {Cue::family, TriggerList::family},
        {Cue::hypothetical, TriggerList::hypothetical},
    }};
    // A pseudo-trigger is read through a match's words too: "no change in my bladder control".
    if (const std::size_t length = sequence_overlapping(i, TriggerList::pseudo); length > 0) {
      return {Cue::pseudo, length};
    }
    for (const auto& [cue, list] : k_order) {
      if (const std::size_t length = longest_at(i, list); length > 0) {
        return {cue, length};
      }
    }
    return {Cue::none, 0};
  }

  [[nodiscard]] bool is_red_flag(const Match& match) const { return m_vocabulary.is_red_flag(match.concept_id); }

  // After a comma, a scope goes on only through a list of concepts joined by a conjunction:
  // "no fever, chills or sweats", but not "no numbness, knots under my shoulder blade".
  [[nodiscard]] bool list_continues(std::size_t comma) const {
    bool any_concept = false;
    bool conjunction = false;
    for (std::size_t i = comma + 1; i < m_tokens.size(); ++i) {
      const Token& token = m_tokens[i];
      if (token.kind == TokenKind::comma) {
        continue;
      }
      if (m_in_match[i]) {
        any_concept = true;
      } else if (has_trait(i, k_list_glue_word)) {
        conjunction = conjunction || std::string_view(token.text) == "and" || std::string_view(token.text) == "or" ||
                      std::string_view(token.text) == "nor";
      } else {
        break;
      }
    }
    return any_concept && conjunction;
  }

  struct Scope {
    bool active = false;
    std::size_t words_left = 0;
    bool reaches_red_flags = true; ///< cleared by a weak trigger ("zero") or after an "and"
    Trigger trigger;
  };

  [[nodiscard]] Trigger trigger_at(std::size_t i, std::size_t length) const {
    const std::size_t last = std::min(i + std::max<std::size_t>(length, 1), m_tokens.size()) - 1;
    return {m_tokens[i].begin, m_tokens[last].end};
  }

  // The context of the match `m`, which starts here.
  void qualify(std::size_t m, const Scope& negation, const std::optional<Trigger>& family,
               const std::optional<Trigger>& hypothetical, const std::optional<Trigger>& question) {
    const Match& match = m_matches[m];
    const std::size_t reach_used = k_negation_reach - negation.words_left;
    const bool in_reach = negation.active && (!is_red_flag(match) ||
                                              (negation.reaches_red_flags && reach_used < k_red_flag_negation_reach));
    m_negated[m] = in_reach;
    m_family[m] = family.has_value();
    // Only an explicit negation suppresses a red flag: asking about one still counts.
    // A condition a rule guards against is stated even in a question ("is it safe when I'm
    // pregnant?"), unless a trigger says it is imagined ("could I get sciatica?").
    const bool asked = m_vocabulary.is_stated(match.concept_id) ? hypothetical.has_value()
                                                                : hypothetical.has_value() || question.has_value();
    m_hypothetical[m] = asked && !is_red_flag(match);
    if (m_negated[m]) {
      m_qualifier[m] = negation.trigger;
    } else if (m_family[m]) {
      m_qualifier[m] = family;
    } else if (m_hypothetical[m]) {
      m_qualifier[m] = hypothetical ? hypothetical : question;
    }
  }

  void mark_context() {
    Scope negation;
    std::optional<Trigger> family;
    std::optional<Trigger> hypothetical;
    std::size_t next_match = 0;
    const auto question = question_sentences();
    for (std::size_t i = 0; i < m_tokens.size();) {
      const Token& token = m_tokens[i];
      if (token.kind == TokenKind::sentence_end || token.kind == TokenKind::question_end) {
        negation = {};
        family = hypothetical = std::nullopt;
        ++i;
        continue;
      }
      if (starts_new_clause(i)) {
        // "no stiffness and I have had cancer", "my dad had sciatica and my neck is stiff": a new
        // subject is outside the negation, the relative and the question before it.
        negation = {};
        family = hypothetical = std::nullopt;
      }
      if (token.kind == TokenKind::comma) {
        if (!list_continues(i)) {
          negation = {};
          family = hypothetical = std::nullopt;
        }
        ++i;
        continue;
      }
      // Whose it is and whether it is imagined are read even through a phrase's own words:
      // "family history of cancer", "worried about numbness".
      if (token.kind == TokenKind::word && !family) {
        if (const std::size_t length = family_at(i); length > 0 && !about_a_carer(i)) {
          family = trigger_at(i, length);
        }
      }
      if (token.kind == TokenKind::word && !hypothetical) {
        if (const std::size_t length = sequence_overlapping(i, TriggerList::hypothetical); length > 0) {
          hypothetical = trigger_at(i, length);
        }
      }
      if (next_match < m_matches.size() && m_matches[next_match].first == i) {
        while (next_match < m_matches.size() && m_matches[next_match].first == i) {
          qualify(next_match, negation, family, hypothetical, question[i]);
          ++next_match;
        }
      }
      if (m_in_match[i]) {
        // A phrase's or a pattern's own words are not grammar, but they count towards a scope.
        spend(negation, 1);
        ++i;
        continue;
      }
      const auto [cue, length] = cue_at(i);
      switch (cue) {
      case Cue::negation:
        negation = {true, k_negation_reach, !is_weak_negation(i), trigger_at(i, length)};
        break;
      case Cue::terminator:
        negation = {};
        family = hypothetical = std::nullopt;
        break;
      case Cue::family:
      case Cue::hypothetical:
      case Cue::pseudo:
      case Cue::negation_after:
        break;
      case Cue::none:
        if (has_trait(i, k_first_person_word)) {
          // "I never told my doctor I had cancer": the person speaking again starts a new clause.
          family = std::nullopt;
          if (negation.active && negation.words_left < k_negation_reach) {
            negation = {};
          }
        } else if ((token.kind == TokenKind::word && std::string_view(token.text) == "my" && !next_is_family(i)) ||
                   has_trait(i, k_reporting_verb_word)) {
          // "my husband says my legs give way": the legs are the person's own;
          // "my husband noticed a new lump": the relative only saw it.
          family = std::nullopt;
        }
        if (token.kind == TokenKind::word && std::string_view(token.text) == "and") {
          // "no appetite and lost weight": only "or" and lists carry a "no" on to a red flag.
          negation.reaches_red_flags = false;
        }
        spend(negation, 1);
        break;
      }
      // Never step over the start of a phrase or a word of one.
      std::size_t next = i + std::max<std::size_t>(length, 1);
      for (std::size_t k = i + 1; k < next; ++k) {
        if (m_in_match[k]) {
          next = k;
          break;
        }
      }
      i = next;
    }
  }

  // "zero", "no longer", "any more": weak enough that a red flag described as a loss ("zero
  // bladder control", "no longer have bladder control") is kept.
  [[nodiscard]] bool is_weak_negation(std::size_t i) const {
    const std::string_view word = m_tokens[i].text;
    return word == "zero" || word == "nothing" ||
           (word == "no" && i + 1 < m_tokens.size() && m_tokens[i + 1].kind == TokenKind::word &&
            std::string_view(m_tokens[i + 1].text) == "longer");
  }

  // "any more", "isn't there": after-triggers too weak to take back a red flag.
  [[nodiscard]] bool is_weak_after(std::size_t i) const {
    static const std::vector<WordSequence> weak{
        {"anymore"}, {"any", "more"}, {"isnt", "there"}, {"is", "not", "there"}};
    return longest_at(i, weak) > 0;
  }

  [[nodiscard]] bool next_is_family(std::size_t i) const { return family_at(i) > 0; }

  // The family cue at token i, asked up to three times per word ("my" starts forty of them).
  [[nodiscard]] std::size_t family_at(std::size_t i) const {
    if (i >= m_family_at.size()) {
      return 0;
    }
    if (!m_family_at[i]) {
      m_family_at[i] = static_cast<std::uint8_t>(sequence_overlapping(i, TriggerList::family));
    }
    return *m_family_at[i];
  }

  // "my family doctor", "my family GP": a clinician, not a relative.
  [[nodiscard]] bool about_a_carer(std::size_t i) const {
    const std::size_t length = family_at(i);
    const std::size_t next = i + length;
    if (next >= m_tokens.size() || m_tokens[next].kind != TokenKind::word) {
      return false;
    }
    const std::string_view word = m_tokens[next].text;
    return word == "doctor" || word == "gp" || word == "physio" || word == "nurse" || word == "practice";
  }

  // "and I ...", "or my ...": a conjunction that brings in a new subject starts a new clause.
  [[nodiscard]] bool starts_new_clause(std::size_t i) const {
    if (!is_free_word(i) ||
        (std::string_view(m_tokens[i].text) != "and" && std::string_view(m_tokens[i].text) != "or") ||
        i + 1 >= m_tokens.size() || m_tokens[i + 1].kind != TokenKind::word) {
      return false;
    }
    const std::string_view next = m_tokens[i + 1].text;
    return is_first_person(next) || next == "my" || next == "mine";
  }

  // Like longest_at, but the words may belong to a phrase.
  [[nodiscard]] std::size_t sequence_overlapping(std::size_t i, TriggerList list) const {
    if (!may_start(i, list)) {
      return 0;
    }
    std::size_t longest = 0;
    for (const WordSequence& sequence : triggers(list)) {
      bool same = true;
      for (std::size_t k = 0; k < sequence.size() && same; ++k) {
        same =
            i + k < m_tokens.size() && m_tokens[i + k].kind == TokenKind::word && m_tokens[i + k].text == sequence[k];
      }
      if (same) {
        longest = std::max(longest, sequence.size());
      }
    }
    return longest;
  }

  static void spend(Scope& scope, std::size_t words) {
    scope.words_left = words >= scope.words_left ? 0 : scope.words_left - words;
    scope.active = scope.active && scope.words_left > 0;
  }

  // A sentence that asks (ends in '?') and opens with a question word reports nothing:
  // "is numbness normal?" asks; "knots everywhere, is that bad?" still reports the knots.
  [[nodiscard]] std::vector<std::optional<Trigger>> question_sentences() const {
    static const std::vector<std::string> openers{"is",   "are",   "can",   "could", "should", "would", "will",
                                                  "does", "do",    "did",   "what",  "how",    "why",   "might",
                                                  "may",  "shall", "whats", "isnt",  "am"};
    std::vector<std::optional<Trigger>> asks(m_tokens.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i <= m_tokens.size(); ++i) {
      const bool end = i == m_tokens.size() || m_tokens[i].kind == TokenKind::sentence_end ||
                       m_tokens[i].kind == TokenKind::question_end;
      if (!end) {
        continue;
      }
      const bool question = i < m_tokens.size() && m_tokens[i].kind == TokenKind::question_end && start < i &&
                            m_tokens[start].kind == TokenKind::word &&
                            std::find(openers.begin(), openers.end(), m_tokens[start].text) != openers.end();
      for (std::size_t k = start; question && k < i; ++k) {
        asks[k] = Trigger{m_tokens[start].begin, m_tokens[i].end};
      }
      start = i + 1;
    }
    return asks;
  }

  // "the numbness and tingling went away": a trigger after terms negates the list of terms just
  // before it; any other word ends the list.
  void negate_backwards() {
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (!is_free_word(i) || longest_at(i, TriggerList::negation_after) == 0 ||
          longest_at(i, TriggerList::pseudo) > 0) {
        continue;
      }
      const std::size_t length = longest_at(i, TriggerList::negation_after);
      if (i + length < m_tokens.size() && m_in_match[i + length]) {
        // "both legs have gone numb": a change into a state, not a state that went away.
        continue;
      }
      for (std::size_t k = i; k-- > 0;) {
        // The matches ending here, and those ending among their words ("numb" in "numb bottom").
        std::size_t first = k + 1;
        for (bool grew = true; grew;) {
          grew = false;
          for (const Match& match : m_matches) {
            if (match.last <= k && (match.last == k || match.last >= first) && match.first < first) {
              first = match.first;
              grew = true;
            }
          }
        }
        if (first <= k) {
          for (std::size_t m = 0; m < m_matches.size(); ++m) {
            if (m_matches[m].last <= k && m_matches[m].first >= first) {
              // "I can't feel my legs any more", "my bladder control is gone": a red flag told as
              // a loss; only a negation before it suppresses a red flag.
              const bool negated = m_negated[m] || !is_red_flag(m_matches[m]) || !is_weak_after(i);
              if (negated && !m_negated[m]) {
                m_qualifier[m] = trigger_at(i, length);
              }
              m_negated[m] = negated;
            }
          }
          k = first;
        } else if (m_tokens[k].kind != TokenKind::comma && !(is_free_word(k) && has_trait(k, k_list_glue_word))) {
          break;
        }
      }
    }
  }

  std::string_view m_text;
  const Vocabulary& m_vocabulary;
  std::vector<Token> m_tokens;
  std::vector<std::uint16_t> m_traits;                          ///< per token: word_traits() of its word
  mutable std::vector<std::optional<std::uint8_t>> m_family_at; ///< per token, once asked: family_at()
  std::vector<Match> m_matches;
  std::vector<bool> m_in_match;
  std::vector<bool> m_negated;
  std::vector<bool> m_family;
  std::vector<bool> m_hypothetical;
  std::vector<std::optional<Trigger>> m_qualifier;        ///< per match: the words that qualified it
  std::vector<std::optional<Vocabulary::WordId>> m_words; ///< per token: its word in the vocabulary
  std::vector<bool> m_fuzzy;                              ///< per token: a guessed misspelling
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

TextAnalysis analyze_text(std::string_view text, const Vocabulary& vocabulary) {
  return Analyzer(bounded(text), vocabulary).run();
}

} // namespace backrelief
