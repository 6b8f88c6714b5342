#include "core/text/context_marking.hpp"

#include "core/text/context_cues.hpp"
#include "core/text/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace backrelief {

namespace {

constexpr std::size_t k_categories = 5;

constexpr std::uint16_t kind_bit(ConceptKind kind) {
  return static_cast<std::uint16_t>(1U << static_cast<unsigned>(kind));
}

// Categories whose cues are grammar of their own: read only over words no match holds, so "can't
// bend" is a symptom and not a negation of "bend". Whose a fact is, and whether it is asked or
// past, is read even through a phrase's words: "family history of cancer", "worried about numbness".
constexpr bool needs_free_words(ModifierCategory category) {
  return category == ModifierCategory::negated || category == ModifierCategory::resolved;
}

/// An open scope of one category.
struct Scope {
  bool active = false;
  std::uint32_t modifier = 0;
  std::size_t used = 0;          ///< tokens spent since the cue
  std::size_t cue_end = 0;       ///< the token after the cue: the cue's own words are not spent
  std::uint16_t ended_kinds = 0; ///< kinds a terminate cue has taken out of it
  TextSpan cue;
};

class Marker {
public:
  /// `as_words` says which matches stand for bare words: they are read as a red flag of any kind
  /// would be, so a negation clears one only as close as it would clear a warning sign.
  Marker(std::span<const Token> tokens, std::span<const TextMatch> matches, const std::vector<bool>& in_match,
         const Vocabulary& vocabulary, std::vector<bool> as_words = {})
      : m_tokens(tokens), m_matches(matches), m_in_match(in_match), m_vocabulary(vocabulary),
        m_cues(vocabulary.context()), m_as_words(std::move(as_words)), m_marks(matches.size()),
        m_qualified_by(matches.size()) {
    m_as_words.resize(matches.size(), false);
    m_red_flag_token.assign(tokens.size(), false);
    for (std::size_t m = 0; m < matches.size(); ++m) {
      const TextMatch& match = matches[m];
      if (!m_as_words[m] && vocabulary.is_red_flag(match.concept_id)) {
        for (std::size_t k = match.first; k <= match.last; ++k) {
          m_red_flag_token[k] = m_red_flag_token[k] || match.takes(k);
        }
      }
    }
    m_info.reserve(tokens.size());
    for (const Token& token : tokens) {
      m_info.push_back(token.kind == TokenKind::word ? m_cues.info(token.text) : ContextCues::WordInfo{});
      m_has_speaker = m_has_speaker || ContextCues::has(m_info.back(), WordClass::first_person) ||
                      ContextCues::has(m_info.back(), WordClass::possessive);
    }
  }

  std::vector<ContextMark> run() {
    if (!m_matches.empty() && !m_cues.empty()) {
      find_cue_words();
      m_question = question_sentences();
      read_lists();
      read_forward();
      read_backward();
      read_inside_patterns();
    }
    return std::move(m_marks);
  }

private:
  struct Found {
    std::uint32_t modifier = 0;
    std::size_t length = 0;
  };

  [[nodiscard]] const Modifier& modifier(std::uint32_t index) const { return m_cues.modifiers()[index]; }

  [[nodiscard]] bool is_word(std::size_t i) const { return i < m_tokens.size() && m_tokens[i].kind == TokenKind::word; }
  [[nodiscard]] bool is_free_word(std::size_t i) const { return is_word(i) && !m_in_match[i]; }
  [[nodiscard]] bool in_class(std::size_t i, WordClass word_class) const {
    return i < m_info.size() && ContextCues::has(m_info[i], word_class);
  }

  // The length of a cue at token i, or 0; `free` asks that no match holds its words.
  // The length of a cue whose words stand at token i (one of m_hits), or 0 when what surrounds
  // it says it is none here; `free` asks that no match holds its words.
  [[nodiscard]] std::size_t cue_length(std::size_t i, const ContextCues::Cue& cue, bool free) const {
    for (std::size_t k = 0; free && k < cue.words.size(); ++k) {
      if (m_in_match[i + k]) {
        return 0;
      }
    }
    const std::size_t after = i + cue.words.size();
    const Modifier& owner = modifier(cue.modifier);
    if (owner.not_before_a_concept && after < m_tokens.size() && m_in_match[after]) {
      return 0; // "both legs have gone numb": a change into a state, not one that went away
    }
    if (owner.only_before_a_concept && !(after < m_tokens.size() && m_in_match[after])) {
      return 0; // "I told her the pain is worse": "her" owns only what follows it
    }
    if (owner.needs_a_speaker && !m_has_speaker) {
      return 0; // "She reports numbness in her groin": a note about the person, not another one
    }
    if (owner.only_in_questions && !m_question[i]) {
      return 0; // "coughing causes me to leak" reports; "can massage cause a clot?" asks
    }
    if (!owner.not_before.empty() && is_word(after) &&
        std::find(owner.not_before.begin(), owner.not_before.end(), m_tokens[after].text) != owner.not_before.end()) {
      return 0; // "my family doctor": a clinician, not a relative
    }
    return cue.words.size();
  }

  // The cues whose words stand at each token, longest first, found once: every later question
  // about a cue at a token only checks what surrounds it.
  void find_cue_words() {
    m_hit_begin.assign(m_tokens.size() + 1, 0);
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      m_hit_begin[i] = static_cast<std::uint32_t>(m_hits.size());
      for (const ContextCues::Cue& cue : m_cues.cues_starting(m_info[i])) {
        bool here = true;
        for (std::size_t k = 1; here && k < cue.words.size(); ++k) {
          here = is_word(i + k) && m_tokens[i + k].text == cue.words[k];
        }
        if (here) {
          m_hits.push_back(&cue);
        }
      }
    }
    m_hit_begin[m_tokens.size()] = static_cast<std::uint32_t>(m_hits.size());
  }

  // The longest cue at token i of the modifiers that `accept`; pseudo cues win over the cues they
  // contain ("not only", "no change in my bladder control") and are read through a match's words.
  template <typename Accept>
  [[nodiscard]] std::optional<Found> longest_cue(std::size_t i, Accept accept) const {
    if (i + 1 >= m_hit_begin.size()) {
      return std::nullopt;
    }
    for (std::uint32_t h = m_hit_begin[i]; h < m_hit_begin[i + 1]; ++h) {
      const ContextCues::Cue& cue = *m_hits[h];
      const Modifier& owner = modifier(cue.modifier);
      if (!accept(owner)) {
        continue;
      }
      const bool free =
          owner.direction != ModifierDirection::pseudo && (!owner.category || needs_free_words(*owner.category));
      if (const std::size_t length = cue_length(i, cue, free); length > 0) {
        return Found{cue.modifier, length}; // the longest, as the cues are sorted
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<Found> pseudo_at(std::size_t i) const {
    return longest_cue(i, [](const Modifier& candidate) { return candidate.direction == ModifierDirection::pseudo; });
  }

  [[nodiscard]] TextSpan span_of(std::size_t i, std::size_t length) const {
    const std::size_t last = std::min(i + std::max<std::size_t>(length, 1), m_tokens.size()) - 1;
    return {m_tokens[i].begin, m_tokens[last].end};
  }

  [[nodiscard]] std::uint16_t kinds_of(std::size_t m) const {
    if (m_as_words[m]) {
      return 0xffff;
    }
    const TextMatch& match = m_matches[m];
    std::uint16_t kinds = kind_bit(m_vocabulary.kind(match.concept_id));
    if (m_vocabulary.is_red_flag(match.concept_id)) {
      kinds |= kind_bit(ConceptKind::red_flag);
    }
    return kinds;
  }

  [[nodiscard]] static std::uint16_t kinds_mask(const std::vector<ConceptKind>& kinds) {
    std::uint16_t mask = 0;
    for (const ConceptKind kind : kinds) {
      mask |= kind_bit(kind);
    }
    return mask == 0 ? std::uint16_t{0xffff} : mask;
  }

  // Puts category `category` from a cue `distance` tokens away on match m, as far as its modifier
  // allows: a red flag is cleared only within the modifier's red-flag scope, else annotated.
  void apply(std::size_t m, ModifierCategory category, std::uint32_t index, std::size_t distance, TextSpan cue,
             std::uint16_t ended_kinds = 0) {
    const Modifier& owner = modifier(index);
    const std::uint16_t kinds = kinds_of(m);
    if ((kinds & kinds_mask(owner.applies_to) & static_cast<std::uint16_t>(~ended_kinds)) == 0) {
      return;
    }
    if (category == ModifierCategory::hypothetical && follows_definite(m_matches[m])) {
      return; // "could the numbness in my groin be from my back?": it exists, only its cause is asked
    }
    ContextMark& mark = m_marks[m];
    const bool red_flag = (kinds & kind_bit(ConceptKind::red_flag)) != 0;
    const bool clears =
        !red_flag || ((ended_kinds & kind_bit(ConceptKind::red_flag)) == 0 && owner.red_flag_scope != 0 &&
                      (owner.red_flag_scope == k_clause || distance < static_cast<std::size_t>(owner.red_flag_scope)));
    if (clears) {
      mark.categories |= ContextMark::bit(category);
    } else {
      mark.kept |= ContextMark::bit(category);
    }
    if (precedes(category, m)) {
      mark.qualifier = cue;
      mark.modifier = index;
      m_qualified_by[m] = category;
    }
  }

  // True when a word that presupposes what follows ("the", "my", "this") stands just before it.
  [[nodiscard]] bool follows_definite(const TextMatch& match) const {
    return match.first > 0 && is_free_word(match.first - 1) && in_class(match.first - 1, WordClass::definite);
  }

  // Which cue explains a fact best: what cleared it over what only annotated it, then the order
  // of the categories (negated, resolved, someone else, asked, past).
  [[nodiscard]] bool precedes(ModifierCategory category, std::size_t m) const {
    const std::optional<ModifierCategory> current = m_qualified_by[m];
    if (!current) {
      return true;
    }
    const bool now_clears = m_marks[m].has(category);
    const bool was_clearing = m_marks[m].has(*current);
    if (now_clears != was_clearing) {
      return now_clears;
    }
    return static_cast<unsigned>(category) < static_cast<unsigned>(*current);
  }

  [[nodiscard]] bool in_scope(const Scope& scope) const {
    const int reach = modifier(scope.modifier).scope;
    return scope.active && (reach == k_clause || scope.used < static_cast<std::size_t>(reach));
  }

  void close_all() {
    for (Scope& scope : m_scopes) {
      scope = {};
    }
  }

  // A comma that starts no list ends every scope, except after a colon, where the items that
  // spell out a subject stay its own: only a negation or a resolution ends there.
  void close_for_comma() {
    if (!m_elaborating) {
      close_all();
      return;
    }
    for (const ModifierCategory category : {ModifierCategory::negated, ModifierCategory::resolved}) {
      m_scopes[static_cast<std::size_t>(category)] = {};
    }
  }

  void open(ModifierCategory category, const Found& found, std::size_t i) {
    m_scopes[static_cast<std::size_t>(category)] =
        Scope{true, found.modifier, 0, i + found.length, 0, span_of(i, found.length)};
  }

  void spend(std::size_t i) {
    for (Scope& scope : m_scopes) {
      if (scope.active && i >= scope.cue_end) {
        ++scope.used;
      }
    }
  }

  void qualify(std::size_t m, const std::optional<TextSpan>& question) {
    for (std::size_t c = 0; c < k_categories; ++c) {
      const Scope& scope = m_scopes[c];
      if (in_scope(scope)) {
        apply(m, static_cast<ModifierCategory>(c), scope.modifier, scope.used, scope.cue, scope.ended_kinds);
      }
    }
    // A question asks about what it names: "is numbness normal?". A condition a rule guards
    // against is stated even in a question ("is it safe when I'm pregnant?") unless a cue says it
    // is imagined ("could I get sciatica?"); a red flag asked about is kept.
    const ConceptId id = m_matches[m].concept_id;
    ContextMark& mark = m_marks[m];
    if (question && !m_as_words[m] && !m_vocabulary.is_stated(id) && !mark.has(ModifierCategory::hypothetical)) {
      if (m_vocabulary.is_red_flag(id)) {
        mark.kept |= ContextMark::bit(ModifierCategory::hypothetical);
      } else {
        mark.categories |= ContextMark::bit(ModifierCategory::hypothetical);
      }
      if (!mark.qualifier) {
        mark.qualifier = question;
      }
    }
  }

  // After a comma, a scope goes on only through a list of concepts joined by a conjunction:
  // "no fever, chills or sweats", but not "no numbness, knots under my shoulder blade".
  // An item may hold a few words no concept holds: "I don't take warfarin, aspirin, Eliquis or
  // anything like that" is one list; "no numbness, knots under my right shoulder blade" is not.
  [[nodiscard]] bool list_continues(std::size_t comma) const {
    return comma + 1 < m_list_ahead.size() && m_list_ahead[comma + 1] == (k_list_concept | k_list_joined);
  }

  static constexpr std::uint8_t k_list_concept = 1; ///< a concept stands ahead in the list
  static constexpr std::uint8_t k_list_joined = 2;  ///< a joining word ("or") stands ahead in it
  static constexpr std::size_t k_max_list_item_words = 3;

  // For each token, what stands ahead of it in the same list (k_list_concept, k_list_joined),
  // read once from right to left: a list ends at a sentence end, the person speaking, or an item
  // of more than k_max_list_item_words words that are neither concepts nor list words.
  void read_lists() {
    const std::size_t n = m_tokens.size();
    std::vector<bool> ends(n, false);
    std::size_t item_words = 0;
    bool item_concept = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Token& token = m_tokens[i];
      if (token.kind == TokenKind::comma || (token.kind == TokenKind::word && in_class(i, WordClass::list_joiners))) {
        item_words = 0;
        item_concept = false;
        continue;
      }
      if (token.kind == TokenKind::sentence_end || token.kind == TokenKind::question_end ||
          in_class(i, WordClass::first_person)) {
        ends[i] = true;
        item_words = 0;
        item_concept = false;
        continue;
      }
      item_concept = item_concept || m_in_match[i];
      if (!m_in_match[i] && !in_class(i, WordClass::list_fillers)) {
        ++item_words;
      }
      // An item of words alone may be a few ("lost my appetite"); beside a concept, one more word
      // at most ("knots under my shoulder" is a clause of its own).
      if (item_words > (item_concept ? std::size_t{1} : k_max_list_item_words)) {
        ends[i] = true;
      }
    }
    m_list_ahead.assign(n + 1, 0);
    for (std::size_t i = n; i-- > 0;) {
      if (ends[i]) {
        continue;
      }
      std::uint8_t ahead = m_list_ahead[i + 1];
      if (m_in_match[i]) {
        ahead |= k_list_concept;
      } else if (m_tokens[i].kind == TokenKind::word && in_class(i, WordClass::list_joiners)) {
        ahead |= k_list_joined;
      }
      m_list_ahead[i] = ahead;
    }
  }

  // "and I ...", "or my ...": a conjunction that brings in a new subject starts a new clause.
  [[nodiscard]] bool starts_new_clause(std::size_t i) const {
    return is_free_word(i) && in_class(i, WordClass::list_joiners) && is_word(i + 1) &&
           (in_class(i + 1, WordClass::first_person) || in_class(i + 1, WordClass::possessive));
  }

  [[nodiscard]] bool opens_someone_else(std::size_t i) const {
    return longest_cue(i,
                       [](const Modifier& m) {
                         return m.category == ModifierCategory::someone_else &&
                                m.direction != ModifierDirection::backward;
                       })
        .has_value();
  }

  // A sentence that asks (ends in '?') and opens with a question word reports nothing:
  // "is numbness normal?" asks; "knots everywhere, is that bad?" still reports the knots.
  [[nodiscard]] std::vector<std::optional<TextSpan>> question_sentences() const {
    std::vector<std::optional<TextSpan>> asks(m_tokens.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i <= m_tokens.size(); ++i) {
      const bool end = i == m_tokens.size() || m_tokens[i].kind == TokenKind::sentence_end ||
                       m_tokens[i].kind == TokenKind::question_end;
      if (!end) {
        continue;
      }
      const bool question = i < m_tokens.size() && m_tokens[i].kind == TokenKind::question_end && start < i &&
                            in_class(start, WordClass::question_openers);
      for (std::size_t k = start; question && k < i; ++k) {
        asks[k] = TextSpan{m_tokens[start].begin, m_tokens[i].end};
      }
      start = i + 1;
    }
    return asks;
  }

  void read_forward() {
    const auto& question = m_question;
    std::size_t next_match = 0;
    for (std::size_t i = 0; i < m_tokens.size();) {
      const Token& token = m_tokens[i];
      if (token.kind == TokenKind::sentence_end && token.text == ":") {
        // "PMH: DVT 2019", "my colleague had it last year: numb bum, couldn't pee": what follows a
        // colon spells out what came before it, so whose it is, and whether asked or past, go on;
        // a denial ends there, for a warning sign is cleared only by a close one.
        m_elaborating = true;
        close_for_comma();
        ++i;
        continue;
      }
      if (token.kind == TokenKind::sentence_end || token.kind == TokenKind::question_end) {
        close_all();
        m_elaborating = false;
        m_aside.reset();
        ++i;
        continue;
      }
      if (token.kind == TokenKind::comma && (token.text == "(" || token.text == ")")) {
        // "my patient (I'm a nurse) had night sweats": an aside has scopes of its own, and those
        // open before it go on after it.
        if (token.text == "(" && !m_aside) {
          m_aside = m_scopes;
          close_all();
        } else if (token.text == ")" && m_aside) {
          m_scopes = *m_aside;
          m_aside.reset();
        }
        ++i;
        continue;
      }
      if (starts_new_clause(i)) {
        // "no stiffness and I have had cancer", "my dad had sciatica and my neck is stiff": a new
        // subject is outside the scopes before it.
        close_all();
      }
      if (token.kind == TokenKind::comma) {
        if (!list_continues(i)) {
          close_for_comma();
        }
        ++i;
        continue;
      }
      if (token.kind == TokenKind::word) {
        open_through_matches(i);
      }
      while (next_match < m_matches.size() && m_matches[next_match].first == i) {
        qualify(next_match, question[i]);
        ++next_match;
      }
      if (m_in_match[i]) {
        if (!m_red_flag_token[i]) {
          spend(i); // a list of warning signs is one reach: "denies fever, chills, night sweats or weight loss"
        }
        ++i;
        continue;
      }
      std::size_t length = 1;
      if (const auto pseudo = pseudo_at(i)) {
        length = pseudo->length;
      } else if (const auto found = longest_cue(i, [](const Modifier&) { return true; })) {
        length = found->length;
        act_on(found->modifier, *found, i);
      } else {
        plain_word(i);
      }
      if (!in_class(i, WordClass::list_joiners)) {
        spend(i);
      }
      // Never step over the start of a match or a word of one.
      std::size_t next = i + length;
      for (std::size_t k = i + 1; k < next; ++k) {
        if (m_in_match[k]) {
          next = k;
          break;
        }
      }
      i = next;
    }
  }

  // Cues of whose, asked and past, read through a match's words, open a scope once per clause.
  void open_through_matches(std::size_t i) {
    for (std::size_t c = 0; c < k_categories; ++c) {
      const auto category = static_cast<ModifierCategory>(c);
      if (needs_free_words(category) || m_scopes[c].active) {
        continue;
      }
      const auto found = longest_cue(i, [category](const Modifier& m) {
        return m.category == category &&
               (m.direction == ModifierDirection::forward || m.direction == ModifierDirection::both);
      });
      if (found) {
        open(category, *found, i);
      }
    }
  }

  void act_on(std::uint32_t index, const Found& found, std::size_t i) {
    const Modifier& owner = modifier(index);
    if (owner.direction == ModifierDirection::terminate) {
      const std::uint16_t kinds = owner.applies_to.empty() ? 0 : kinds_mask(owner.applies_to);
      for (std::size_t c = 0; c < k_categories; ++c) {
        const bool named = owner.ends.empty() || std::find(owner.ends.begin(), owner.ends.end(),
                                                           static_cast<ModifierCategory>(c)) != owner.ends.end();
        if (!named) {
          continue;
        }
        if (kinds == 0) {
          m_scopes[c] = {};
        } else {
          m_scopes[c].ended_kinds |= kinds; // "no appetite and lost weight": "and" ends it for red flags only
        }
      }
      return;
    }
    if (owner.category && needs_free_words(*owner.category) &&
        (owner.direction == ModifierDirection::forward || owner.direction == ModifierDirection::both)) {
      open(*owner.category, found, i);
    }
  }

  // A word that is no cue: the person speaking again, or their own things, end another person's
  // scope ("I never told my doctor I had cancer", "my husband says my legs give way").
  void plain_word(std::size_t i) {
    auto& someone_else = m_scopes[static_cast<std::size_t>(ModifierCategory::someone_else)];
    if (in_class(i, WordClass::first_person)) {
      someone_else = {};
      for (const ModifierCategory category : {ModifierCategory::negated, ModifierCategory::resolved}) {
        Scope& scope = m_scopes[static_cast<std::size_t>(category)];
        if (scope.active && scope.used > 0) {
          scope = {};
        }
      }
    } else if (in_class(i, WordClass::possessive) && !opens_someone_else(i)) {
      someone_else = {};
    }
  }

  // The matches by the token they end at, so a backward cue finds those just before it at once.
  void index_match_ends() {
    m_end_begin.assign(m_tokens.size() + 2, 0);
    for (const TextMatch& match : m_matches) {
      ++m_end_begin[match.last + 2];
    }
    for (std::size_t t = 2; t < m_end_begin.size(); ++t) {
      m_end_begin[t] += m_end_begin[t - 1];
    }
    m_ending.assign(m_matches.size(), 0);
    for (std::uint32_t m = 0; m < m_matches.size(); ++m) {
      m_ending[m_end_begin[m_matches[m].last + 1]++] = m;
    }
  }

  // "the numbness and tingling went away": a backward cue qualifies the list of matches just
  // before it; any other word ends the list.
  void read_backward() {
    index_match_ends();
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      if (!is_free_word(i) || pseudo_at(i)) {
        continue;
      }
      const auto found = longest_cue(i, [](const Modifier& m) {
        return m.direction == ModifierDirection::backward || m.direction == ModifierDirection::both;
      });
      if (!found) {
        continue;
      }
      const Modifier& owner = modifier(found->modifier);
      const TextSpan cue = span_of(i, found->length);
      bool crossed_words = false; // over words that are no list: then a comma ends the reach
      for (std::size_t k = i; k-- > 0;) {
        if (owner.scope != k_clause && i - k > static_cast<std::size_t>(owner.scope)) {
          break;
        }
        // The matches ending here, and those ending among their words ("numb" in "numb bottom"),
        // found by the token they end at.
        std::size_t first = k + 1;
        for (std::size_t t = k + 1; t-- > 0 && (t == k || t >= first);) {
          for (std::uint32_t e = m_end_begin[t]; e < m_end_begin[t + 1]; ++e) {
            first = std::min(first, m_matches[m_ending[e]].first);
          }
        }
        if (first <= k) {
          for (std::size_t t = first; t <= k; ++t) {
            for (std::uint32_t e = m_end_begin[t]; e < m_end_begin[t + 1]; ++e) {
              const std::uint32_t m = m_ending[e];
              if (m_matches[m].first >= first) {
                apply(m, *owner.category, found->modifier, i - m_matches[m].last - 1, cue);
              }
            }
          }
          k = first;
        } else if (m_tokens[k].kind == TokenKind::comma) {
          if (crossed_words) {
            break; // "numb bum, legs normal": the legs are normal, not the numbness
          }
        } else if (!(is_free_word(k) &&
                     (in_class(k, WordClass::list_joiners) || in_class(k, WordClass::list_fillers)))) {
          if (owner.scope == k_clause || !crossable(k)) {
            break;
          }
          crossed_words = true;
        }
      }
    }
  }

  // A word a backward cue with a scope in tokens reaches over: "my urine infection two months ago
  // cleared up". A terminator or the person starting a new clause stops it.
  [[nodiscard]] bool crossable(std::size_t k) const {
    if (!is_content(m_tokens[k]) || m_in_match[k] || starts_new_clause(k)) {
      return false;
    }
    return !longest_cue(k, [](const Modifier& m) { return m.direction == ModifierDirection::terminate; });
  }

  // Whether a negation ending before token `from` reaches a word the match takes before a comma,
  // a bracket or a terminator ends its scope: "my bottom is not numb" is negated; "my groin, not
  // my hip, has gone numb" and "my groin (not my hip) is numb" are not.
  [[nodiscard]] bool reaches_own_words(const TextMatch& match, std::size_t from) const {
    for (std::size_t t = from; t <= match.last; ++t) {
      const TokenKind kind = m_tokens[t].kind;
      if (kind == TokenKind::comma || kind == TokenKind::sentence_end || kind == TokenKind::question_end) {
        return false;
      }
      if (match.takes(t)) {
        return true;
      }
      if (!m_in_match[t] &&
          longest_cue(t, [](const Modifier& m) { return m.direction == ModifierDirection::terminate; })) {
        return false;
      }
    }
    return false;
  }

  // "my bottom is not numb": a negation among a pattern's own words negates it, red flag or not,
  // for it is as close as a negation gets.
  void read_inside_patterns() {
    for (std::size_t m = 0; m < m_matches.size(); ++m) {
      const TextMatch& match = m_matches[m];
      if (!match.by_pattern) {
        continue;
      }
      for (std::size_t k = match.first + 1; k < match.last; ++k) {
        if (match.takes(k) || !is_free_word(k) || pseudo_at(k)) {
          continue;
        }
        const auto found = longest_cue(k, [](const Modifier& candidate) {
          return candidate.category == ModifierCategory::negated && candidate.direction != ModifierDirection::backward;
        });
        if (found && reaches_own_words(match, k + found->length)) {
          m_marks[m].categories |= ContextMark::bit(ModifierCategory::negated);
          m_marks[m].kept &= static_cast<std::uint8_t>(~ContextMark::bit(ModifierCategory::negated));
          m_marks[m].qualifier = span_of(k, found->length);
          m_marks[m].modifier = found->modifier;
          m_qualified_by[m] = ModifierCategory::negated;
          break;
        }
      }
    }
  }

  std::span<const Token> m_tokens;
  std::span<const TextMatch> m_matches;
  const std::vector<bool>& m_in_match;
  const Vocabulary& m_vocabulary;
  const ContextCues& m_cues;
  std::vector<bool> m_as_words;                    ///< per match: a bare word, read as a red flag of any kind
  std::vector<ContextCues::WordInfo> m_info;       ///< per token
  bool m_has_speaker = false;                      ///< the text says "I" or "my" somewhere
  std::vector<std::uint32_t> m_hit_begin;          ///< per token, and one past: where its cues start in m_hits
  std::vector<const ContextCues::Cue*> m_hits;     ///< the cues whose words stand at each token (find_cue_words)
  std::vector<std::uint32_t> m_end_begin;          ///< per token, and one past: where its ending matches start
  std::vector<std::uint32_t> m_ending;             ///< matches by the token they end at (index_match_ends)
  std::vector<std::uint8_t> m_list_ahead;          ///< per token: what stands ahead in its list (read_lists)
  std::vector<bool> m_red_flag_token;              ///< per token: a word of a red flag's match
  std::vector<std::optional<TextSpan>> m_question; ///< per token: the question it stands in, if any
  std::array<Scope, k_categories> m_scopes{};
  std::optional<std::array<Scope, k_categories>> m_aside; ///< the scopes open before a '('
  bool m_elaborating = false;                             ///< after a colon, until the sentence ends
  std::vector<ContextMark> m_marks;
  std::vector<std::optional<ModifierCategory>> m_qualified_by; ///< per match: the category of its qualifier
};

} // namespace

std::vector<ContextMark> mark_context(std::span<const Token> tokens, std::span<const TextMatch> matches,
                                      const std::vector<bool>& in_match, const Vocabulary& vocabulary) {
  return Marker(tokens, matches, in_match, vocabulary).run();
}

bool is_negated_word(std::span<const Token> tokens, std::span<const TextMatch> matches,
                     const std::vector<bool>& in_match, const Vocabulary& vocabulary, std::size_t word) {
  // The words around it, within its sentence: as far back as a negation reaches a warning sign,
  // and a few words on for one that looks back ("intentional, it was not").
  constexpr std::size_t k_before = 12;
  constexpr std::size_t k_after = 6;
  const auto ends_sentence = [&](std::size_t i) {
    return tokens[i].kind == TokenKind::sentence_end || tokens[i].kind == TokenKind::question_end;
  };
  std::size_t low = word;
  while (low > 0 && word - low < k_before && !ends_sentence(low - 1)) {
    --low;
  }
  std::size_t high = word + 1;
  while (high < tokens.size() && high - word <= k_after && !ends_sentence(high)) {
    ++high;
  }
  const ContextCues& cues = vocabulary.context();
  bool any_negation = false;
  for (std::size_t i = low; i < high && !any_negation; ++i) {
    any_negation = tokens[i].kind == TokenKind::word && cues.may_start_negation(tokens[i].text);
  }
  if (!any_negation) {
    return false; // most words: nothing around them could negate them
  }
  // The matches wholly inside, and the word itself as one more, counted from `low`.
  std::vector<TextMatch> inside;
  std::vector<bool> as_word;
  std::vector<bool> held(in_match.begin() + static_cast<std::ptrdiff_t>(low),
                         in_match.begin() + static_cast<std::ptrdiff_t>(high));
  held[word - low] = true;
  bool placed = false;
  const auto place_word = [&]() {
    TextMatch bare;
    bare.first = word - low;
    bare.last = word - low;
    inside.push_back(bare);
    as_word.push_back(true);
    placed = true;
  };
  const auto from =
      std::partition_point(matches.begin(), matches.end(), [&](const TextMatch& match) { return match.first < low; });
  for (auto it = from; it != matches.end() && it->first < high; ++it) {
    if (it->last >= high) {
      continue;
    }
    if (!placed && it->first > word) {
      place_word();
    }
    TextMatch shifted = *it;
    shifted.first -= low;
    shifted.last -= low;
    for (std::size_t& token : shifted.taken) {
      token -= low;
    }
    inside.push_back(std::move(shifted));
    as_word.push_back(false);
  }
  if (!placed) {
    place_word();
  }
  const std::vector<ContextMark> marks =
      Marker(tokens.subspan(low, high - low), inside, held, vocabulary, as_word).run();
  for (std::size_t m = 0; m < inside.size(); ++m) {
    if (as_word[m]) {
      return marks[m].has(ModifierCategory::negated);
    }
  }
  return false;
}

} // namespace backrelief
