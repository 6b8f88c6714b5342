#include "cli/batch.hpp"

#include "backrelief/batch_line.hpp"
#include "backrelief/recommendation.hpp"
#include "cli/exit_status.hpp"
#include "cli/standard_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <string>

namespace backrelief::cli {

namespace {

constexpr std::size_t k_flush_bytes = std::size_t{64} * 1024;

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

std::string error_record(std::size_t number, const Error& error) {
  std::string message;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    std::string text = to_string(diagnostic);
    if (text.starts_with("--")) {
      text.erase(0, 2); // "--condition: ..." names the option; in a batch line it is the key
    }
    message += (message.empty() ? "" : "; ") + text;
  }
  const nlohmann::ordered_json record{{"line", number}, {"error", message}};
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Reads one line of any length; false at the end of input.
bool read_line(std::FILE* in, std::string& line) {
  line.clear();
  int c = 0;
  while ((c = std::fgetc(in)) != EOF) {
    if (c == '\n') {
      return true;
    }
    // Past the cap, keep reading to find the line's end but stop storing it.
    if (line.size() <= k_max_batch_line_bytes) {
      line.push_back(static_cast<char>(c));
    }
  }
  return !line.empty();
}

} // namespace

int run_batch(const RuleSet& rules, const ProfileInput& defaults, const OutputOptions& options, std::FILE* in) {
  OutputOptions line_options = options;
  line_options.compact_json = true;
  std::string buffer;
  std::string line;
  std::size_t number = 0;
  bool failed = false;
  while (read_line(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    try {
      const Profile profile = make_profile(merged(defaults, parse_batch_line(line)), rules);
      const Recommendation recommendation = recommend(rules, profile);
      line_options.line = number;
      buffer += format_json(Answer{rules, profile, recommendation}, line_options);
    } catch (const Error& error) {
      failed = true;
      buffer += error_record(number, error);
    } catch (const std::exception& error) {
      // Not expected (the fuzzers look for these); still one line's failure, and the batch goes on.
      failed = true;
      buffer +=
          error_record(number, Error(ErrorKind::invalid_input, fmt::format("cannot use this line: {}", error.what())));
    }
    if (buffer.size() >= k_flush_bytes) {
      // A reader that has gone away (| head) needs no more answers: stop reading too.
      if (!write_stdout(buffer)) {
        return failed ? k_exit_error : k_exit_ok;
      }
      buffer.clear();
    }
  }
  write_stdout(buffer);
  if (std::ferror(in) != 0) {
    throw Error(ErrorKind::io, "cannot read standard input");
  }
  return failed ? k_exit_error : k_exit_ok;
}

} // namespace backrelief::cli
