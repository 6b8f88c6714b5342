#include "api/internals.hpp"
#include "api/rule_loading.hpp"

namespace backrelief {

Recommender::Recommender(std::shared_ptr<const Rules> rules) : m_rules(std::move(rules)) {}

Recommender Recommender::load(const LoadOptions& options) {
  const RuleLimits limits = limits_of(options);
  return recommender_over(prepare_rules(read_sources(options, limits), limits, options.cache_directory));
}

Recommender recommender_over(std::shared_ptr<const RuleSet> rules) {
  return Recommender(std::make_shared<const Recommender::Rules>(Recommender::Rules{std::move(rules)}));
}

Analysis Recommender::analyze(std::string description, int year) const {
  ProfileInput input;
  input.description = std::move(description);
  input.year = year;
  return Analysis(std::make_shared<const Analysis::State>(m_rules->rules, make_profile(input, *m_rules->rules)));
}

Answer Recommender::recommend(const ProfileInput& profile) const {
  return answer_for(*this, profile, Tracing::off);
}

Answer answer_for(const Recommender& recommender, const ProfileInput& profile, Tracing tracing) {
  const std::shared_ptr<const RuleSet>& rules = Internals::rules(recommender);
  return Answer(std::make_shared<const Answer::State>(rules, make_profile(profile, *rules), tracing));
}

std::vector<std::string> Recommender::techniques() const {
  std::vector<std::string> ids;
  for (const Technique& technique : m_rules->rules->techniques()) {
    ids.push_back(technique.id);
  }
  return ids;
}

std::vector<std::string> Recommender::questions() const {
  std::vector<std::string> ids;
  for (const Question& question : m_rules->rules->questions()) {
    if (question.field == QuestionField::sign) { // the others ask for a preference, given as such
      ids.push_back(question.id);
    }
  }
  return ids;
}

} // namespace backrelief
