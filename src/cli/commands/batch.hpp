#pragma once

#include "cli/input/batch_line.hpp"
#include "core/engine/profile.hpp"
#include "report/json_writer.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backrelief::cli {

/// What a batch reads: JSON Lines, or RFC 4180 CSV with a header row.
struct BatchInput {
  bool csv = false;
  std::vector<std::pair<std::string, std::string>> columns; ///< --column KEY=HEADER, for CSV
  std::size_t first_line = 1; ///< the number of the first JSON line (a part of a larger file keeps the whole's)
};

/// One person of a batch: the number of their line (or CSV row) and what the sender tagged it with.
struct BatchPerson {
  std::size_t number = 0;
  const BatchLineTags& tags;
};

/// What a batch does with each person (recommend's answer, analyze's reading), in the chosen format.
/// Each writes to `out`, the batch's output buffer: a JsonWriter, so a JSON answer is written where
/// it goes, with no copy, and a row goes in as raw text.
class BatchJob {
public:
  BatchJob() = default;
  BatchJob(const BatchJob&) = delete;
  BatchJob& operator=(const BatchJob&) = delete;
  BatchJob(BatchJob&&) = delete;
  BatchJob& operator=(BatchJob&&) = delete;
  virtual ~BatchJob() = default;

  /// Appends what comes before the first answer: a header row, or nothing.
  virtual void begin(JsonWriter& out) = 0;
  /// Appends one person's answer; throws Error when their input cannot be used, having
  /// appended nothing that the batch must keep.
  virtual void answer(JsonWriter& out, const BatchPerson& person, ProfileInput input) = 0;
  /// Appends the record of a line that could not be used.
  virtual void fail(JsonWriter& out, const BatchPerson& person, std::string_view message) = 0;
  /// What the answers found, for the summary line: "referred none; 3 with questions to check first".
  [[nodiscard]] virtual std::string findings() const = 0;
};

/// Runs a batch: one profile per JSON line (or CSV row) of the file descriptor `in`, and `job`'s
/// answer for each on standard output, in input order; a line that cannot be read gives `job`'s
/// error record and the batch goes on. Lines are numbered from `input.first_line`; CSV rows as a
/// spreadsheet shows them, the header row being 1. Ends with one summary line on standard error,
/// and shows a progress line there while a long batch runs on a terminal. Returns the exit
/// status: 0, or 1 when some line failed; 128+N when signal N stopped it between lines.
int run_batch(BatchJob& job, int in, const BatchInput& input);

} // namespace backrelief::cli
