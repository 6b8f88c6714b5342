#include "cli/output/why_not_output.hpp"

#include "cli/output/text_lines.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>

namespace backrelief::cli {

namespace {

std::string_view standing_name(Standing standing) {
  switch (standing) {
  case Standing::first:
    return "first";
  case Standing::ranked:
    return "ranked";
  case Standing::excluded:
    return "excluded";
  case Standing::referral:
    return "referral";
  }
  return "ranked";
}

} // namespace

// "With --pressure firm and without --goal relaxation"
std::string change_phrase(const Counterfactual& counterfactual, const RuleSet& rules) {
  std::vector<std::string> adding;
  std::vector<std::string> removing;
  for (const PreferenceChange& change : counterfactual.changes) {
    bool removes = false;
    std::string text = describe_change(change, rules, removes);
    (removes ? removing : adding).push_back(std::move(text));
  }
  std::string phrase;
  if (!adding.empty()) {
    phrase = fmt::format("With {}", fmt::join(adding, " and "));
  }
  if (!removing.empty()) {
    phrase += fmt::format("{} {}", phrase.empty() ? "Without" : " and without", fmt::join(removing, " and "));
  }
  return phrase;
}

namespace {

std::vector<Contribution> with_sign(const std::vector<Contribution>& reasons, bool positive) {
  std::vector<Contribution> chosen;
  std::copy_if(reasons.begin(), reasons.end(), std::back_inserter(chosen),
               [&](const Contribution& reason) { return positive ? reason.weight > 0 : reason.weight < 0; });
  return chosen;
}

class WhyNotWriter {
public:
  WhyNotWriter(const AnswerView& answer, const WhyNot& why, const Palette& palette)
      : m_answer(answer), m_why(why), m_palette(palette) {}

  std::string write() {
    append_line(m_out, "{}", m_palette.paint(m_palette.heading, fmt::format("Why not {}?", name_of(m_why.technique))));
    switch (m_why.standing) {
    case Standing::referral:
      append_line(m_out, "  No technique is suggested: a red flag means seeing a clinician comes first (see above).");
      return std::move(m_out);
    case Standing::first:
      append_line(m_out, "  It already ranks first, with {:.1f}.", m_why.outcome->score);
      return std::move(m_out);
    case Standing::excluded:
      excluded();
      break;
    case Standing::ranked:
      ranked();
      break;
    }
    counterfactual();
    return std::move(m_out);
  }

private:
  const std::string& name_of(TechniqueId id) const { return m_answer.rules.techniques()[id].name; }

  void excluded() {
    append_line(m_out, "  It is not suitable for you:");
    for (const Note& note : m_why.outcome->exclusions) {
      append_line(m_out, "    {} {}{}", m_palette.paint(m_palette.excluded, "x"), note.text,
                  note.rule == nullptr ? "" : m_palette.paint(m_palette.muted, fmt::format(" [{}]", note.rule->id)));
    }
    if (m_why.safety_veto) {
      append_line(m_out,
                  "  That is a safety exclusion, not a preference: nothing here is offered to change it. A clinician "
                  "who knows your history can say whether it would ever suit you.");
    }
  }

  void ranked() {
    const TechniqueOutcome& outcome = *m_why.outcome;
    const std::size_t total = m_answer.recommendation.suggestions.size();
    append_line(m_out, "  It ranks {} of {}, with {:.1f}; {} ranks first with {:.1f}.", outcome.rank, total,
                outcome.score, name_of(m_why.leader->technique), m_why.leader->score);
    reasons("  What keeps it down:", with_sign(outcome.reasons, false), m_palette.negative, "-");
    reasons(fmt::format("  What lifts {}:", name_of(m_why.leader->technique)), with_sign(m_why.leader->reasons, true),
            m_palette.positive, "+");
  }

  void reasons(const std::string& title, const std::vector<Contribution>& items, const fmt::text_style& style,
               std::string_view mark) {
    if (items.empty()) {
      return;
    }
    append_line(m_out, "{}", title);
    for (const Contribution& reason : items) {
      append_line(m_out, "    {} {} ({:+g}){}", m_palette.paint(style, mark), reason.rule->because, reason.weight,
                  m_palette.paint(m_palette.muted, fmt::format(" [{}]", reason.rule->id)));
    }
  }

  void counterfactual() {
    if (m_why.safety_veto) {
      return;
    }
    if (!m_why.counterfactual) {
      append_line(m_out,
                  "  No change of pressure, goals or avoided techniques (up to {} at once) would bring it to the top.",
                  k_max_preference_changes);
      return;
    }
    const Counterfactual& change = *m_why.counterfactual;
    append_line(m_out, "  {}, {} would rank first ({:.1f}, next best {:.1f}).", change_phrase(change, m_answer.rules),
                name_of(m_why.technique), change.score, change.runner_up);
  }

  const AnswerView& m_answer;
  const WhyNot& m_why;
  const Palette& m_palette;
  std::string m_out;
};

} // namespace

std::string describe_change(const PreferenceChange& change, const RuleSet& rules, bool& removing) {
  using Kind = PreferenceChange::Kind;
  removing =
      change.kind == Kind::clear_pressure || change.kind == Kind::remove_goal || change.kind == Kind::stop_avoiding;
  switch (change.kind) {
  case Kind::set_pressure:
    return fmt::format("--pressure {}", to_string(change.pressure));
  case Kind::clear_pressure:
    return "--pressure";
  case Kind::add_goal:
  case Kind::remove_goal:
    return fmt::format("--goal {}", rules.concepts()[change.goal].id);
  case Kind::stop_avoiding:
    return fmt::format("--avoid {}", rules.techniques()[change.technique].id);
  }
  return {};
}

std::string why_not_text(const AnswerView& answer, const WhyNot& why, const Palette& palette) {
  return WhyNotWriter(answer, why, palette).write();
}

void write_why_not(JsonWriter& json, const AnswerView& answer, const WhyNot& why) {
  const auto& techniques = answer.rules.techniques();
  json.begin_object()
      .key("technique")
      .identifier(techniques[why.technique].id)
      .member("standing", standing_name(why.standing));
  const bool ranked = why.outcome != nullptr && why.outcome->rank > 0;
  const bool suggested =
      why.outcome != nullptr && (why.standing == Standing::first || why.standing == Standing::ranked);
  json.member("rank", ranked ? std::optional(why.outcome->rank) : std::nullopt);
  json.member("score", suggested ? std::optional(why.outcome->score) : std::nullopt);
  json.member("first", why.leader != nullptr ? std::optional(techniques[why.leader->technique].id) : std::nullopt);
  json.key("against").begin_array();
  if (why.outcome != nullptr) {
    for (const Contribution& reason : with_sign(why.outcome->reasons, false)) {
      json.begin_object().key("rule").identifier(reason.rule->id).member("weight", reason.weight);
      json.member("text", reason.rule->because).end_object();
    }
  }
  json.end_array().member("safety_veto", why.safety_veto).key("change");
  if (!why.counterfactual) {
    json.null().end_object();
    return;
  }
  json.begin_object().key("options").begin_array();
  for (const PreferenceChange& change : why.counterfactual->changes) {
    bool removing = false;
    const std::string option = describe_change(change, answer.rules, removing);
    json.begin_object().member("action", removing ? "without" : "with").member("option", option).end_object();
  }
  json.end_array().member("score", why.counterfactual->score).member("next_best", why.counterfactual->runner_up);
  json.end_object().end_object();
}

} // namespace backrelief::cli
