#include "report/answer_json.hpp"

#include "core/engine/condition_evaluation.hpp"
#include "core/rules/condition_description.hpp"
#include "report/facts_json.hpp"

#include <algorithm>

namespace backrelief {

namespace {

// Members come out in the order backrelief(1), OUTPUT documents them.
class DocumentWriter {
public:
  DocumentWriter(const RuleSet& rules, const Profile& profile, const Recommendation& recommendation, JsonWriter& json)
      : m_rules(rules), m_profile(profile), m_recommendation(recommendation), m_json(json) {}

  void write(const AnswerJsonOptions& options) {
    const Recommendation& recommendation = m_recommendation;
    begin_document(m_json, options.head);
    m_json.key("input");
    input();
    m_json.key("facts");
    write_facts(m_json, m_profile, m_rules);
    m_json.key("referral");
    referral();
    m_json.key("check_first");
    check_first();
    m_json.key("suggestions").begin_array();
    const std::size_t count = shown_count(recommendation, options.top);
    for (std::size_t i = 0; i < count; ++i) {
      suggestion(recommendation.suggestions[i]);
    }
    m_json.end_array();
    m_json.key("excluded").begin_array();
    for (const TechniqueOutcome& outcome : recommendation.excluded) {
      m_json.begin_object().key("technique").identifier(m_rules.techniques()[outcome.technique].id);
      m_json.key("reasons");
      notes(outcome.exclusions);
      m_json.end_object();
    }
    m_json.end_array();
    m_json.key("advice").begin_array();
    for (const std::string_view advice : recommendation.advice) {
      m_json.value(advice);
    }
    m_json.value(evidence_summary()).end_array();
    m_json.key("screening");
    screening();
    m_json.key("for_therapist");
    for_therapist();
    m_json.member("disclaimer", disclaimer());
    if (options.why_not) {
      m_json.key("why_not");
      options.why_not(m_json);
    }
    if (options.trace) {
      m_json.key("trace");
      trace();
    }
    m_json.end_object();
  }

private:
  void ids(const std::vector<ConceptId>& items) {
    m_json.begin_array();
    for (ConceptId id : items) {
      m_json.identifier(m_rules.concepts()[id].id);
    }
    m_json.end_array();
  }

  void input() {
    const Profile& profile = m_profile;
    m_json.begin_object().member("description", profile.description);
    if (profile.pressure) {
      m_json.key("pressure").identifier(to_string(*profile.pressure));
    } else {
      m_json.key("pressure").null();
    }
    m_json.key("goals");
    ids(profile.goals);
    m_json.key("areas");
    ids(profile.areas);
    m_json.key("conditions");
    ids(profile.conditions);
    m_json.key("avoid").begin_array();
    for (TechniqueId id : profile.avoid) {
      m_json.identifier(m_rules.techniques()[id].id);
    }
    m_json.end_array();
    m_json.member("age", profile.age).member("duration_weeks", profile.duration_weeks);
    m_json.member("intensity", profile.intensity);
    m_json.key("answers").begin_object();
    for (const GivenAnswer& given : profile.answers) {
      m_json.key(m_rules.questions()[given.question].id).identifier(to_string(given.answer));
    }
    m_json.end_object().end_object();
  }

  void check_first() {
    m_json.begin_array();
    for (const Question* question : m_recommendation.check_first) {
      const SafetyNetLine* net = safety_net_line(m_rules, question->tier);
      const std::string_view if_yes = net != nullptr ? std::string_view(net->if_yes) : std::string_view();
      m_json.begin_object().key("id").identifier(question->id).member("question", question->ask);
      m_json.key("level").identifier(to_string(question->tier.value_or(ReferralLevel::routine)));
      m_json.member("if_yes", if_yes).key("from").strings(hint_words(*question, m_profile)).end_object();
    }
    m_json.end_array();
  }

  void for_therapist() {
    const auto& note = m_recommendation.for_therapist;
    if (!note) {
      m_json.null();
      return;
    }
    m_json.begin_object().key("technique").identifier(m_rules.techniques()[note->technique].id);
    m_json.key("areas");
    ids(note->areas);
    if (note->pressure) {
      m_json.key("pressure").identifier(to_string(*note->pressure));
    } else {
      m_json.key("pressure").null();
    }
    m_json.key("conditions");
    ids(note->conditions);
    m_json.key("cautions").begin_array();
    for (const std::string_view caution : note->cautions) {
      m_json.value(caution);
    }
    m_json.end_array().end_object();
  }

  void screening() {
    const Screening& screening = m_recommendation.screening;
    m_json.begin_object();
    for (const auto& [name, questions] :
         {std::pair{"reported", &screening.reported}, std::pair{"denied", &screening.denied},
          std::pair{"not_mentioned", &screening.not_mentioned}}) {
      m_json.key(name).begin_array();
      for (const Question* question : *questions) {
        m_json.identifier(question->id);
      }
      m_json.end_array();
    }
    m_json.end_object();
  }

  void referral() {
    if (!m_recommendation.referral) {
      m_json.null();
      return;
    }
    const ReferralOutcome& referral = *m_recommendation.referral;
    m_json.begin_object().key("level").identifier(to_string(referral.level));
    m_json.key("red_flags").begin_array();
    for (const RedFlag& flag : referral.red_flags) {
      m_json.begin_object().key("id").identifier(flag.rule->id).member("text", flag.rule->because);
      m_json.key("from").strings(words_behind(*flag.rule, m_profile)).end_object();
    }
    m_json.end_array();
    m_json.member("advice", referral.advice).end_object();
  }

  void notes(const std::vector<Note>& items) {
    m_json.begin_array();
    for (const Note& note : items) {
      m_json.begin_object().key("rule");
      if (note.rule == nullptr) {
        m_json.null();
      } else {
        m_json.identifier(note.rule->id);
      }
      m_json.member("text", note.text).end_object();
    }
    m_json.end_array();
  }

  void suggestion(const TechniqueOutcome& outcome) {
    const Technique& technique = m_rules.techniques()[outcome.technique];
    m_json.begin_object().member("rank", outcome.rank).key("technique").identifier(technique.id);
    m_json.member("name", technique.name).member("score", outcome.score);
    m_json.key("reasons").begin_array();
    for (const Contribution& reason : outcome.reasons) {
      m_json.begin_object().key("rule").identifier(reason.rule->id).member("weight", reason.weight);
      m_json.member("text", reason.rule->because);
      m_json.key("from").strings(words_behind(*reason.rule, m_profile)).end_object();
    }
    m_json.end_array();
    m_json.key("cautions");
    notes(outcome.cautions);
    m_json.key("aftercare").strings(technique.aftercare).end_object();
  }

  void trace() {
    m_json.begin_array();
    for (const RuleTrace& entry : m_recommendation.trace) {
      m_json.begin_object().key("rule").identifier(entry.rule->id).member("fired", entry.fired);
      if (entry.failed != nullptr) {
        m_json.key("failed").begin_object();
        m_json.member("condition", describe(*entry.failed, m_rules));
        m_json.member("seen", describe_seen(*entry.failed, m_profile, m_rules));
        m_json.member("at", to_string(entry.failed->where)).end_object();
      }
      m_json.end_object();
    }
    m_json.end_array();
  }

  const RuleSet& m_rules;
  const Profile& m_profile;
  const Recommendation& m_recommendation;
  JsonWriter& m_json;
};

} // namespace

void write_answer_json(JsonWriter& json, const RuleSet& rules, const Profile& profile,
                       const Recommendation& recommendation, const AnswerJsonOptions& options) {
  DocumentWriter(rules, profile, recommendation, json).write(options);
}

const SafetyNetLine* safety_net_line(const RuleSet& rules, std::optional<ReferralLevel> level) {
  const auto& lines = rules.safety_net();
  const auto found =
      std::find_if(lines.begin(), lines.end(), [level](const SafetyNetLine& line) { return line.level == level; });
  return found == lines.end() ? nullptr : &*found;
}

std::size_t shown_count(const Recommendation& recommendation, std::optional<std::size_t> top) {
  const std::size_t all = recommendation.suggestions.size();
  return top ? std::min(*top, all) : all;
}

} // namespace backrelief
