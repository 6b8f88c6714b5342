#include "cli/commands/analyze_batch.hpp"

#include "cli/output/batch_rows.hpp"
#include "core/engine/profile.hpp"
#include "core/rules/member_origin.hpp"
#include "report/facts_json.hpp"
#include "report/json_writer.hpp"

#include <fmt/format.h>

namespace backrelief::cli {

namespace {

class AnalyzeBatch final : public BatchJob {
public:
  AnalyzeBatch(const Recommender& recommender, int year, std::optional<RowFormat> rows, bool header)
      : m_recommender(recommender), m_rules(*Internals::rules(recommender)), m_year(year), m_rows(rows),
        m_header(header), m_origins(m_rules) {}

  void begin(JsonWriter& out) override {
    if (m_rows && m_header) {
      m_row.clear();
      append_header(m_row, analysis_columns(), *m_rows);
      out.raw(m_row);
    }
  }

  void answer(JsonWriter& out, const BatchPerson& person, ProfileInput input) override {
    const Analysis analysis = m_recommender.analyze(std::move(input.description), m_year);
    const Profile& profile = Internals::state(analysis).profile;
    const OutputOptions options = tagged(person);
    if (m_rows) {
      m_row.clear();
      append_row(m_row, analysis_row(profile, m_rules, options), *m_rows);
      out.raw(m_row);
    } else {
      write_analysis_json(out, profile, m_rules, m_origins, {options.line, options.id, options.meta});
      out.raw("\n");
    }
    const TextAnalysis& text = profile.text;
    if (text.facts.empty() && !text.age && !text.duration_weeks && !text.intensity) {
      ++m_nothing;
    }
    for (const TextFact& fact : text.facts) {
      if (fact.fuzzy) {
        ++m_misspelled;
        break;
      }
    }
  }

  void fail(JsonWriter& out, const BatchPerson& person, std::string_view message) override {
    append_failure(out, tagged(person), message, m_rows, analysis_columns().size());
  }

  [[nodiscard]] std::string findings() const override {
    return fmt::format("{} with nothing recognised; {} with words read as misspellings", m_nothing, m_misspelled);
  }

private:
  static OutputOptions tagged(const BatchPerson& person) {
    OutputOptions options;
    options.line = person.number;
    options.id = person.tags.id;
    options.meta = person.tags.meta;
    return options;
  }

  const Recommender& m_recommender;
  const RuleSet& m_rules;
  int m_year;
  std::optional<RowFormat> m_rows;
  bool m_header;
  MemberOrigins m_origins; ///< one for the whole batch: each WordNet set is looked into once
  std::string m_row;       ///< one CSV or TSV row, kept for its capacity
  std::size_t m_nothing = 0;
  std::size_t m_misspelled = 0;
};

} // namespace

int run_analyze_batch(const Recommender& recommender, int year, std::optional<RowFormat> rows, bool header, int in,
                      const BatchInput& input) {
  AnalyzeBatch job(recommender, year, rows, header);
  return run_batch(job, in, input);
}

} // namespace backrelief::cli
