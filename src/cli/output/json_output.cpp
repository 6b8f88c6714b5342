#include "cli/output/output.hpp"

#include "cli/output/why_not_output.hpp"
#include "report/answer_json.hpp"
#include "report/json_document.hpp"

namespace backrelief::cli {

void write_json(JsonWriter& json, const AnswerView& answer, const OutputOptions& options) {
  AnswerJsonOptions document;
  document.head = {options.line, options.id, options.meta};
  document.top = options.top;
  document.trace = options.trace;
  if (answer.why_not != nullptr) {
    document.why_not = [&](JsonWriter& out) { write_why_not(out, answer, *answer.why_not); };
  }
  write_answer_json(json, answer.rules, answer.profile, answer.recommendation, document);
  json.raw("\n");
}

std::string format_json(const AnswerView& answer, const OutputOptions& options) {
  JsonWriter json(options.compact_json ? std::nullopt : std::optional<int>(2));
  write_json(json, answer, options);
  return std::string(json.text());
}

void write_error_record(JsonWriter& json, const OutputOptions& options, std::string_view message) {
  begin_document(json, {options.line, options.id, options.meta});
  json.member("error", message).end_object().raw("\n");
}

} // namespace backrelief::cli
