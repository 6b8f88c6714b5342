#include "cli/output/output.hpp"

#include "cli/output/text_lines.hpp"
#include "cli/output/why_not_output.hpp"
#include "core/engine/condition_evaluation.hpp"
#include "core/model/duration.hpp"
#include "core/rules/condition_description.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace backrelief::cli {

namespace {

constexpr std::size_t k_bar_cells = 12;
constexpr std::size_t k_reasons_shown = 3;

std::string weight_text(double weight) {
  return fmt::format("{:+g}", weight);
}

std::string bar(double score, double best) {
  std::size_t filled = 0;
  if (best > 0 && score > 0) {
    filled = static_cast<std::size_t>(std::lround(static_cast<double>(k_bar_cells) * std::min(score / best, 1.0)));
  }
  std::string text;
  for (std::size_t i = 0; i < k_bar_cells; ++i) {
    text += i < filled ? "\u2588" : "\u2591";
  }
  return text;
}

std::string profile_summary(const Profile& profile, const RuleSet& rules) {
  std::vector<std::string> parts;
  if (profile.pressure) {
    parts.push_back(fmt::format("{} pressure", to_string(*profile.pressure)));
  }
  for (const auto* group : {&profile.areas, &profile.goals, &profile.conditions}) {
    for (ConceptId id : *group) {
      parts.push_back(rules.concepts()[id].name);
    }
  }
  if (profile.age) {
    parts.push_back(fmt::format("age {}", *profile.age));
  }
  if (profile.duration_weeks) {
    parts.push_back(fmt::format("for {}", describe_weeks(*profile.duration_weeks)));
  }
  for (const TextFact& fact : profile.text.facts) {
    const std::string& name = rules.concepts()[fact.concept_id].name;
    // A hint says what to ask, not what the person has: it shows under "Check first".
    if (fact.affirmed() && !rules.concepts()[fact.concept_id].hint &&
        std::find(parts.begin(), parts.end(), name) == parts.end()) {
      parts.push_back(name);
    }
  }
  for (TechniqueId id : profile.avoid) {
    parts.push_back(fmt::format("avoid {}", rules.techniques()[id].name));
  }
  return parts.empty() ? "no preferences given" : fmt::format("{}", fmt::join(parts, "; "));
}

class TextWriter {
public:
  TextWriter(const AnswerView& answer, const OutputOptions& options)
      : m_answer(answer), m_options(options), m_palette(options.palette) {}

  std::string write() {
    const Recommendation& result = m_answer.recommendation;
    if (result.referral) {
      referral(*result.referral);
    }
    check_first();
    if (m_answer.why_not != nullptr) {
      separate();
      m_out += why_not_text(m_answer, *m_answer.why_not, m_palette);
      separate();
      append_line(m_out, "{}", m_palette.paint(m_palette.muted, disclaimer()));
      return std::move(m_out);
    }
    // One clear action when a referral stands: nothing about massage below it. A possible
    // emergency holds back every technique for the reason Check first gives.
    if (result.stopped_by_referral()) {
      if (m_options.explain) {
        excluded();
      }
      separate();
      append_line(m_out, "{}", m_palette.paint(m_palette.muted, disclaimer()));
      if (m_options.trace) {
        trace();
      }
      return std::move(m_out);
    }
    if (!result.answer_first) {
      suggestions();
      excluded();
    }
    safety_net();
    closing();
    if (m_options.trace) {
      trace();
    }
    return std::move(m_out);
  }

private:
  // Starts a new block: one blank line between blocks, never two, none at the top.
  void separate() {
    if (!m_out.empty() && !m_out.ends_with("\n\n")) {
      m_out += '\n';
    }
  }

  const std::string& name_of(TechniqueId id) const { return m_answer.rules.techniques()[id].name; }

  void referral(const ReferralOutcome& outcome) {
    const SafetyNetLine* net = safety_net_line(m_answer.rules, outcome.level);
    const std::string_view action = net != nullptr ? std::string_view(net->action) : std::string_view();
    std::string title =
        outcome.level == ReferralLevel::routine ? "Worth a medical check first" : "See a clinician before any massage";
    if (outcome.level != ReferralLevel::routine && !action.empty()) {
      title = std::string(action); // one clear action, first
    }
    append_line(m_out, "{}",
                m_palette.paint(m_palette.referral, fmt::format("{} ({}):", title, to_string(outcome.level))));
    append_line(m_out, "  {}", outcome.advice);
    for (const RedFlag& flag : outcome.red_flags) {
      append_line(m_out, "  ! {}{}", flag.rule->because, explain_id(flag.rule));
    }
    if (outcome.level != ReferralLevel::routine) {
      tell_the_clinician(outcome);
    }
  }

  // What to say to the clinician: the person's own words that led to the referral.
  void tell_the_clinician(const ReferralOutcome& outcome) {
    std::vector<std::string> words;
    for (const RedFlag& flag : outcome.red_flags) {
      for (std::string& word : words_behind(*flag.rule, m_answer.profile)) {
        if (std::find(words.begin(), words.end(), word) == words.end()) {
          words.push_back(std::move(word));
        }
      }
    }
    if (!words.empty()) {
      append_line(m_out, "  Tell the clinician about your back pain and what you wrote: \"{}\".",
                  fmt::join(words, "\", \""));
    }
  }

  // The possible signs, each asked with what to do if the answer is yes.
  void check_first() {
    const Recommendation& result = m_answer.recommendation;
    if (result.check_first.empty()) {
      return;
    }
    separate();
    append_line(m_out, "{}", m_palette.paint(m_palette.referral, "Check first:"));
    std::vector<std::string> answers;
    for (const Question* question : result.check_first) {
      const SafetyNetLine* net = safety_net_line(m_answer.rules, question->tier);
      const std::string_view if_yes = net != nullptr ? std::string_view(net->if_yes) : std::string_view();
      append_line(m_out, "  ? {} {}", question->ask, if_yes);
      const auto words = hint_words(*question, m_answer.profile);
      if (!words.empty()) {
        append_line(m_out, "    {}",
                    m_palette.paint(m_palette.muted, fmt::format("(you wrote \"{}\")", fmt::join(words, "\", \""))));
      }
      answers.push_back(fmt::format("--answer {}=no", question->id));
    }
    if (result.answer_first) {
      append_line(m_out,
                  "Suggestions wait for your answers: run 'backrelief ask' with the same words (it asks these first), "
                  "or answer here with {} (or =yes).",
                  fmt::join(answers, " "));
    } else {
      append_line(m_out, "Answer these before you book: 'backrelief ask' with the same words, or {} (or =yes).",
                  fmt::join(answers, " "));
    }
  }

  // With --explain: the rule's id, and the words of the description that made it fire.
  std::string explain_id(const Rule* rule) const {
    if (!m_options.explain || rule == nullptr) {
      return {};
    }
    std::string text = fmt::format(" [{}]", rule->id);
    const auto words = words_behind(*rule, m_answer.profile);
    if (!words.empty()) {
      text += fmt::format(" from \"{}\"", fmt::join(words, "\", \""));
    }
    return m_palette.paint(m_palette.muted, text);
  }

  void suggestions() {
    const Recommendation& result = m_answer.recommendation;
    separate();
    append_line(m_out, "Suggestions for: {}", profile_summary(m_answer.profile, m_answer.rules));
    separate();
    if (result.suggestions.empty()) {
      append_line(m_out, "No technique suits you as things stand: every one is excluded (see below).");
      return;
    }
    const std::size_t count = shown_count(result, m_options);
    std::size_t width = 0;
    for (std::size_t i = 0; i < count; ++i) {
      width = std::max(width, name_of(result.suggestions[i].technique).size());
    }
    const double best = result.suggestions.empty() ? 0.0 : result.suggestions.front().score;
    // Below zero more counts against a technique than for it: it is not a suggestion, and is
    // said apart, with what counts against it first.
    std::size_t suited = 0;
    while (suited < count && result.suggestions[suited].score >= 0) {
      suggestion(result.suggestions[suited], width, best);
      ++suited;
    }
    if (suited < count) {
      if (suited == 0) {
        append_line(m_out, "Every technique has more against it than for it; the least unsuited first:");
      } else {
        separate();
        append_line(m_out, "{}", m_palette.paint(m_palette.heading, "Less suited (more counts against than for):"));
      }
      for (std::size_t i = suited; i < count; ++i) {
        suggestion(result.suggestions[i], width, best);
      }
    }
    if (count < result.suggestions.size()) {
      append_line(m_out, "    ({} more not shown; leave out --top to see them all)", result.suggestions.size() - count);
    }
    ties();
  }

  // Techniques tied first are equally suited: say so, and what would tell them apart.
  void ties() {
    if (m_answer.ties == nullptr || m_answer.ties->empty()) {
      return;
    }
    const Recommendation& result = m_answer.recommendation;
    std::vector<std::string> names;
    for (std::size_t i = 0; i <= m_answer.ties->size(); ++i) {
      names.push_back(name_of(result.suggestions[i].technique));
    }
    const std::string last = names.back();
    names.pop_back();
    separate();
    append_line(m_out, "{} and {} are equally suited; the gentler is listed first.", fmt::join(names, ", "), last);
    for (const WhyNot& tie : *m_answer.ties) {
      const std::string& name = name_of(tie.technique);
      if (tie.counterfactual) {
        append_line(m_out, "  {}, {} would rank first.", change_phrase(*tie.counterfactual, m_answer.rules), name);
      } else {
        append_line(m_out, "  No preference would put {} first; a therapist can help you choose.", name);
      }
    }
  }

  void suggestion(const TechniqueOutcome& outcome, std::size_t width, double best) {
    const std::string& name = name_of(outcome.technique);
    append_line(m_out, "{:>2}  {}{}  {}  {:>5.1f}", outcome.rank, m_palette.paint(m_palette.heading, name),
                std::string(width - name.size(), ' '), bar(outcome.score, best), outcome.score);
    std::vector<Contribution> reasons = outcome.reasons;
    if (!m_options.explain) {
      // The strongest reasons, either way, tell the story; --explain shows them all. For a
      // technique below zero, what counts against it comes first.
      const bool against_first = outcome.score < 0;
      std::stable_sort(reasons.begin(), reasons.end(), [against_first](const Contribution& a, const Contribution& b) {
        if (against_first && (a.weight < 0) != (b.weight < 0)) {
          return a.weight < 0;
        }
        return std::abs(a.weight) > std::abs(b.weight);
      });
      reasons.resize(std::min(reasons.size(), k_reasons_shown));
    }
    for (const Contribution& reason : reasons) {
      const bool helps = reason.weight >= 0;
      append_line(m_out, "    {} {} ({}){}",
                  m_palette.paint(helps ? m_palette.positive : m_palette.negative, helps ? "+" : "-"),
                  reason.rule->because, weight_text(reason.weight), explain_id(reason.rule));
    }
    if (!m_options.explain && outcome.reasons.size() > reasons.size()) {
      append_line(m_out, "    {}",
                  m_palette.paint(m_palette.muted,
                                  fmt::format("(and {} more {})", outcome.reasons.size() - reasons.size(),
                                              outcome.reasons.size() - reasons.size() == 1 ? "reason" : "reasons")));
    }
    for (const Note& caution : outcome.cautions) {
      append_line(m_out, "    {} {}{}", m_palette.paint(m_palette.caution, "!"), caution.text,
                  explain_id(caution.rule));
    }
  }

  void excluded() {
    const Recommendation& result = m_answer.recommendation;
    if (result.excluded.empty()) {
      return;
    }
    separate();
    append_line(m_out, "{}", m_palette.paint(m_palette.heading, "Not suitable:"));
    for (const TechniqueOutcome& outcome : result.excluded) {
      const auto& exclusions = outcome.exclusions;
      // Under a referral every technique is out for the same reason; say it once per technique.
      const std::size_t shown = result.stopped_by_referral() && !m_options.explain ? 1 : exclusions.size();
      for (std::size_t i = 0; i < shown; ++i) {
        append_line(m_out, "    {} {}: {}{}", m_palette.paint(m_palette.excluded, "x"), name_of(outcome.technique),
                    exclusions[i].text, explain_id(exclusions[i].rule));
      }
    }
  }

  // The warning signs nobody mentioned, so the person knows what should bring them back. Only
  // after a description or answers: with preferences alone it would list every sign there is.
  void safety_net() {
    const Recommendation& result = m_answer.recommendation;
    const Profile& profile = m_answer.profile;
    if (result.stopped_by_referral() || (profile.description.empty() && profile.answers.empty())) {
      return;
    }
    std::vector<std::string> lines;
    for (const SafetyNetLine& line : m_answer.rules.safety_net()) {
      std::vector<std::string_view> signs;
      for (const Question* question : result.screening.not_mentioned) {
        const bool asked = std::find(result.check_first.begin(), result.check_first.end(), question) !=
                           result.check_first.end(); // Check first asks it already
        if (question->tier == line.level && !question->sign.empty() && !asked) {
          signs.push_back(question->sign);
        }
      }
      if (!signs.empty()) {
        lines.push_back(fmt::format("  {}: {}.", line.say, fmt::join(signs, "; ")));
      }
    }
    if (lines.empty()) {
      return;
    }
    separate();
    append_line(m_out, "{}", m_palette.paint(m_palette.heading, "Signs to watch for (you did not mention them):"));
    for (const std::string& line : lines) {
      append_line(m_out, "{}", line);
    }
  }

  // What to say at the door, for the first suggestion.
  void for_therapist() {
    const auto& note = m_answer.recommendation.for_therapist;
    if (!note || m_answer.recommendation.stopped_by_referral()) {
      return;
    }
    const auto names = [this](const std::vector<ConceptId>& ids) {
      std::vector<std::string_view> out;
      out.reserve(ids.size());
      for (ConceptId id : ids) {
        out.push_back(m_answer.rules.concepts()[id].name);
      }
      return fmt::format("{}", fmt::join(out, "; "));
    };
    separate();
    append_line(m_out, "{}", m_palette.paint(m_palette.heading, "Tell your therapist:"));
    append_line(m_out, "  You would like: {}", name_of(note->technique));
    if (!note->areas.empty()) {
      append_line(m_out, "  Where it hurts: {}", names(note->areas));
    }
    if (note->pressure) {
      append_line(m_out, "  Pressure: {}", to_string(*note->pressure));
    }
    if (!note->conditions.empty()) {
      append_line(m_out, "  Health and medicines: {}", names(note->conditions));
    }
    for (const std::string_view caution : note->cautions) {
      append_line(m_out, "  {} {}", m_palette.paint(m_palette.caution, "!"), caution);
    }
  }

  void closing() {
    const Recommendation& result = m_answer.recommendation;
    separate();
    if (!result.suggestions.empty() && !result.stopped_by_referral()) {
      const Technique& first = m_answer.rules.techniques()[result.suggestions.front().technique];
      if (!first.aftercare.empty()) {
        append_line(m_out, "Aftercare for {}:", first.name); // a heading: no article before a name that takes none
        for (const std::string& item : first.aftercare) {
          append_line(m_out, "  - {}", item);
        }
      }
    }
    if (!result.advice.empty()) {
      append_line(m_out, "Looking after your back:");
      for (const std::string_view advice : result.advice) {
        append_line(m_out, "  - {}", advice);
      }
    }
    for_therapist();
    separate();
    append_line(m_out, "{}", evidence_summary());
    append_line(m_out, "{}", m_palette.paint(m_palette.muted, disclaimer()));
    if (!m_options.explain) {
      append_line(m_out, "{}",
                  m_palette.paint(m_palette.muted, "Run with --explain for every rule, or see backrelief(1)."));
    }
  }

  void trace() {
    separate();
    append_line(m_out, "{}", m_palette.paint(m_palette.heading, "Trace:"));
    for (const RuleTrace& entry : m_answer.recommendation.trace) {
      if (entry.fired) {
        append_line(m_out, "  fired    {} ({})", entry.rule->id, to_string(entry.rule->origin));
        continue;
      }
      append_line(m_out, "  skipped  {} ({}): needs {}; saw {}", entry.rule->id, to_string(entry.rule->origin),
                  describe(*entry.failed, m_answer.rules),
                  describe_seen(*entry.failed, m_answer.profile, m_answer.rules));
    }
  }

  const AnswerView& m_answer;
  const OutputOptions& m_options;
  const Palette& m_palette;
  std::string m_out;
};

} // namespace

std::string format_text(const AnswerView& answer, const OutputOptions& options) {
  return TextWriter(answer, options).write();
}

} // namespace backrelief::cli
