#include "cli/commands/batch.hpp"

#include "cli/commands/exit_status.hpp"
#include "cli/input/csv_profile.hpp"
#include "cli/input/csv_record.hpp"
#include "cli/io/line_reader.hpp"
#include "cli/io/progress_line.hpp"
#include "cli/io/standard_error.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/io/stop_signals.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string>

namespace backrelief::cli {

namespace {

constexpr std::size_t k_flush_bytes = std::size_t{64} * 1024;

std::string message_of(const Error& error) {
  std::string message;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    message += (message.empty() ? "" : "; ") + to_string(diagnostic); // a field is named as the batch key
  }
  return message;
}

/// What a batch found, said in one line on standard error when it ends: how many lines, what
/// the job found in them, and the lines that could not be used (each has its record in the
/// output), so `--batch <in >out` never fails unseen.
class BatchSummary {
public:
  explicit BatchSummary(std::string_view unit) : m_unit(unit) {}

  void failed(std::size_t number, const std::optional<std::string>& id, const std::string& message) {
    if (m_failed++ == 0) {
      m_first_line = id ? fmt::format("{} {} (id {})", m_unit, number, *id) : fmt::format("{} {}", m_unit, number);
      m_first_message = message;
    }
  }
  [[nodiscard]] bool any_failed() const { return m_failed != 0; }

  void report(std::size_t lines_read, const std::string& findings) const {
    if (lines_read == 0) {
      print_message(fmt::format("no {}s to answer", m_unit));
      return;
    }
    const std::string answered = fmt::format("{} {}{}: {}", lines_read, m_unit, lines_read == 1 ? "" : "s", findings);
    if (m_failed == 0) {
      print_message(answered + "; every one answered");
      return;
    }
    print_error(fmt::format("{}; {} could not be used (each has an \"error\" record), the first, {}: {}", answered,
                            m_failed, m_first_line, m_first_message));
  }

private:
  std::string_view m_unit; ///< "line", or "row" of a CSV file
  std::size_t m_failed = 0;
  std::string m_first_line; ///< "line N", with the sender's id when it gave one
  std::string m_first_message;
};

} // namespace

int run_batch(BatchJob& job, int in, const BatchInput& input) {
  const std::string_view unit = input.csv ? "row" : "line";
  BatchSummary summary(unit);
  ProgressLine progress(unit);
  JsonWriter out(std::nullopt);
  job.begin(out);
  std::size_t lines_read = 0; // not blank
  bool reader_gone = false;
  // Answers go out in bulk, and also whenever reading might wait: a person typing profiles, or a
  // slow producer, sees each answer as soon as its line is in.
  // Ctrl-C or a TERM stops between lines, never inside one: a reader of the output gets whole
  // lines only.
  const StopSignals stops;
  const auto flush = [&] {
    reader_gone = reader_gone || !write_stdout(out.text()) || !flush_stdout();
    out.clear();
    if (reader_gone) {
      return false; // a reader that has gone away (| head) needs no more answers: stop reading too
    }
    StopSignals::waiting_for_input(true);
    return true;
  };
  // One line, or one CSV row, answered: its result, or its error record.
  const auto answer = [&](std::size_t number, const auto& read) { // read(tags) gives the person's input
    ++lines_read;
    const std::size_t answers_end = out.size();
    BatchLineTags tags;
    const BatchPerson person{number, tags};
    const auto fail = [&](const std::string& message) {
      out.rewind(answers_end);
      job.fail(out, person, message);
      summary.failed(number, tags.id, message);
    };
    try {
      job.answer(out, person, read(tags));
    } catch (const Error& error) {
      fail(message_of(error));
    } catch (const std::exception& error) {
      // Not expected (the fuzzers look for these); still one line's failure, and the batch goes on.
      fail(fmt::format("cannot use this line: {}", error.what()));
    }
    progress.advanced(lines_read);
    return StopSignals::requested() == 0 && (out.size() < k_flush_bytes || flush());
  };
  LineReader reader(in, k_max_batch_line_bytes);
  std::string_view line;
  std::size_t number = input.first_line - 1;
  CsvRecordParser csv;
  std::optional<CsvColumns> columns;
  while (reader.next(line, flush)) {
    StopSignals::waiting_for_input(false);
    if (!input.csv) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
        continue;
      }
      if (!answer(number, [line](BatchLineTags& tags) { return parse_batch_line(line, &tags); })) {
        break;
      }
      continue;
    }
    if (!csv.add_line(line)) {
      continue; // a quoted field goes on to the next line
    }
    ++number; // rows of the spreadsheet: the header is row 1
    if (!columns) {
      columns = map_csv_columns(csv.fields(), input.columns);
      if (!columns->unread.empty()) {
        print_message(fmt::format("columns not read: {} (a column gives a key by its header, or with --column "
                                  "KEY=HEADER)",
                                  fmt::join(columns->unread, ", ")));
      }
      continue;
    }
    if (blank_csv_row(csv.fields())) {
      continue;
    }
    const auto read_row = [&](BatchLineTags& tags) {
      ProfileInput profile = profile_from_csv_row(csv.fields(), *columns, tags);
      if (csv.problem()) {
        throw Error(ErrorKind::invalid_input, *csv.problem());
      }
      return profile;
    };
    if (!answer(number, read_row)) {
      break;
    }
  }
  if (input.csv && csv.inside_quotes() && StopSignals::requested() == 0 && !reader_gone) {
    answer(number + 1, [&](BatchLineTags& /*tags*/) -> ProfileInput {
      throw Error(ErrorKind::invalid_input, fmt::format("the input ends inside a quoted field that opens on this row: "
                                                        "close its quote"));
    });
  }
  StopSignals::waiting_for_input(false);
  progress.clear();
  if (!reader_gone) {
    write_stdout(out.text());
    summary.report(lines_read, job.findings());
  }
  if (const int signal = StopSignals::requested(); signal != 0) {
    flush_stdout();
    return 128 + signal;
  }
  if (reader.failed()) {
    throw Error(ErrorKind::io, "cannot read standard input");
  }
  return summary.any_failed() ? k_exit_error : k_exit_ok;
}

} // namespace backrelief::cli
