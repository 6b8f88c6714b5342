#include "cli/commands/recommend_batch.hpp"

#include "cli/output/batch_rows.hpp"
#include "core/engine/recommendation.hpp"
#include "report/json_writer.hpp"

#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <utility>

namespace backrelief::cli {

namespace {

ProfileInput merged(const ProfileInput& defaults, ProfileInput line) {
  const auto add = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
    to.insert(to.begin(), from.begin(), from.end());
  };
  add(line.goals, defaults.goals);
  add(line.areas, defaults.areas);
  add(line.conditions, defaults.conditions);
  add(line.avoid, defaults.avoid);
  if (!line.pressure) {
    line.pressure = defaults.pressure;
  }
  line.year = defaults.year;
  if (!line.age) {
    line.age = defaults.age;
  }
  if (!line.duration) {
    line.duration = defaults.duration;
  }
  if (!line.intensity) {
    line.intensity = defaults.intensity;
  }
  return line;
}

class RecommendBatch final : public BatchJob {
public:
  RecommendBatch(const Recommender& recommender, const ProfileInput& defaults, OutputOptions options,
                 std::optional<TechniqueId> why_not, std::optional<RowFormat> rows)
      : m_recommender(recommender), m_rules(*Internals::rules(recommender)), m_defaults(defaults),
        m_options(std::move(options)), m_why_not(why_not), m_rows(rows) {
    m_options.compact_json = true;
  }

  void begin(JsonWriter& out) override {
    if (m_rows && m_options.tsv_header) {
      m_row.clear();
      append_header(m_row, recommendation_columns(), *m_rows);
      out.raw(m_row);
    }
  }

  void answer(JsonWriter& out, const BatchPerson& person, ProfileInput input) override {
    const Answer result = answer_for(m_recommender, merged(m_defaults, std::move(input)),
                                     m_options.trace ? Tracing::every_rule : Tracing::off);
    const Profile& profile = Internals::state(result).profile;
    const Recommendation& recommendation = Internals::state(result).recommendation;
    tag(person);
    std::optional<WhyNot> place;
    if (m_why_not) {
      place = why_not(m_rules, profile, recommendation, *m_why_not);
    }
    const AnswerView answer{m_rules, profile, recommendation, place ? &*place : nullptr};
    if (m_rows) {
      m_row.clear();
      append_row(m_row, recommendation_row(answer, m_options), *m_rows);
      out.raw(m_row);
    } else {
      write_json(out, answer, m_options);
    }
    if (recommendation.referral) {
      ++m_referred[static_cast<std::size_t>(recommendation.referral->level)];
    }
    if (!recommendation.check_first.empty()) {
      ++m_checks;
    }
  }

  void fail(JsonWriter& out, const BatchPerson& person, std::string_view message) override {
    tag(person);
    append_failure(out, m_options, message, m_rows, recommendation_columns().size());
  }

  [[nodiscard]] std::string findings() const override {
    std::vector<std::string> referred;
    for (const ReferralLevel level : {ReferralLevel::emergency, ReferralLevel::urgent, ReferralLevel::routine}) {
      if (const std::size_t count = m_referred[static_cast<std::size_t>(level)]; count != 0) {
        referred.push_back(fmt::format("{} {}", count, to_string(level)));
      }
    }
    return fmt::format("referred {}; {} with questions to check first",
                       referred.empty() ? std::string("none") : fmt::format("{}", fmt::join(referred, ", ")), m_checks);
  }

private:
  void tag(const BatchPerson& person) {
    m_options.line = person.number;
    m_options.id = person.tags.id;
    m_options.meta = person.tags.meta;
  }

  const Recommender& m_recommender;
  const RuleSet& m_rules;
  const ProfileInput& m_defaults;
  OutputOptions m_options;
  std::optional<TechniqueId> m_why_not;
  std::optional<RowFormat> m_rows;
  std::string m_row; ///< one CSV or TSV row, kept for its capacity
  std::array<std::size_t, 3> m_referred{};
  std::size_t m_checks = 0;
};

} // namespace

int run_recommend_batch(const Recommender& recommender, const ProfileInput& defaults, const OutputOptions& options,
                        std::optional<TechniqueId> why_not, std::optional<RowFormat> rows, int in,
                        const BatchInput& input) {
  RecommendBatch job(recommender, defaults, options, why_not, rows);
  return run_batch(job, in, input);
}

} // namespace backrelief::cli
