#include "cli/input/csv_profile.hpp"

#include "core/util/diagnostic.hpp"
#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace backrelief::cli {

namespace {

const std::vector<std::string> k_csv_keys{"description", "pressure",  "goal",       "goals", "area",
                                          "areas",       "condition", "conditions", "avoid", "age",
                                          "duration",    "intensity", "id"};

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  return std::string(text.substr(begin, text.find_last_not_of(" \t") - begin + 1));
}

// A header as it is compared: trimmed, in lower case.
std::string folded(std::string_view text) {
  std::string out = trimmed(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

} // namespace

CsvColumns map_csv_columns(const std::vector<std::string>& header,
                           const std::vector<std::pair<std::string, std::string>>& chosen) {
  CsvColumns columns;
  columns.key_of.resize(header.size());
  std::vector<std::string> headers;
  headers.reserve(header.size());
  for (const std::string& name : header) {
    headers.push_back(folded(name));
  }
  std::vector<bool> left_out(header.size()); // --column -=HEADER: not read, on purpose
  for (const auto& [key, name] : chosen) {
    if (key != "-" && std::find(k_csv_keys.begin(), k_csv_keys.end(), key) == k_csv_keys.end()) {
      throw Error(ErrorKind::invalid_input,
                  fmt::format("--column {}={}: unknown key '{}'{}: the keys are {}, and - for a column not to read",
                              key, name, key, did_you_mean(key, k_csv_keys), fmt::join(k_csv_keys, ", ")));
    }
    const auto at = std::find(headers.begin(), headers.end(), folded(name));
    if (at == headers.end()) {
      throw Error(ErrorKind::invalid_input, fmt::format("--column {}={}: no column '{}' in the header row{}", key, name,
                                                        name, did_you_mean(folded(name), headers)));
    }
    const auto column = static_cast<std::size_t>(at - headers.begin());
    if (key == "-") {
      left_out[column] = true;
    } else {
      columns.key_of[column] = key;
    }
  }
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (columns.key_of[i] || left_out[i]) {
      continue;
    }
    const bool named_by_option =
        std::any_of(chosen.begin(), chosen.end(), [&](const auto& pair) { return folded(pair.first) == headers[i]; });
    if (!named_by_option && std::find(k_csv_keys.begin(), k_csv_keys.end(), headers[i]) != k_csv_keys.end()) {
      columns.key_of[i] = headers[i];
    } else if (!headers[i].empty()) {
      columns.unread.push_back(trimmed(header[i]));
    }
  }
  std::vector<std::string> given;
  for (const auto& key : columns.key_of) {
    if (!key) {
      continue;
    }
    if (std::find(given.begin(), given.end(), *key) != given.end()) {
      throw Error(ErrorKind::invalid_input, fmt::format("two columns give '{}': map one of them to another key with "
                                                        "--column KEY=HEADER, or leave it out",
                                                        *key));
    }
    given.push_back(*key);
  }
  if (given.empty()) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("the header row names no key of a batch line (found {}): name the columns {}, or map "
                            "them with --column KEY=HEADER",
                            fmt::join(header, ", "), fmt::join(k_csv_keys, ", ")));
  }
  // A person's own words may hold a warning sign: a file whose notes go unread must not pass
  // for one that has none.
  if (std::find(given.begin(), given.end(), "description") == given.end() && !columns.unread.empty()) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("no column gives the description, the person's own words, and {} {} not read: map "
                            "the one that holds them with --column description=HEADER (as in --column "
                            "description=\"{}\"), or leave out a column on purpose with --column -=HEADER",
                            fmt::join(columns.unread, ", "), columns.unread.size() == 1 ? "is" : "are",
                            columns.unread.back()));
  }
  return columns;
}

ProfileInput profile_from_csv_row(const std::vector<std::string>& row, const CsvColumns& columns, BatchLineTags& tags) {
  ProfileInput input;
  if (row.size() > columns.key_of.size()) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("{} fields, but the header row has {} columns", row.size(), columns.key_of.size()));
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (columns.key_of[i] && *columns.key_of[i] == "id" && !trimmed(row[i]).empty()) {
      tags.id = nlohmann::json(trimmed(row[i])).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (!columns.key_of[i]) {
      continue;
    }
    const std::string& key = *columns.key_of[i];
    const std::string cell = trimmed(row[i]);
    if (cell.empty() || key == "id") {
      continue;
    }
    if (key == "description") {
      input.description = row[i];
    } else if (key == "pressure") {
      input.pressure = cell;
    } else if (key == "duration") {
      input.duration = cell;
    } else if (std::vector<std::string>* list = repeatable_field(input, key)) {
      // A spreadsheet cell holds a list as "a; b".
      std::string_view rest = cell;
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find(';'), rest.size());
        if (std::string item = trimmed(rest.substr(0, end)); !item.empty()) {
          list->push_back(std::move(item));
        }
        rest.remove_prefix(std::min(end + 1, rest.size()));
      }
    } else if (key == "age") {
      int age = 0;
      const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), age);
      if (error != std::errc{} || end != cell.data() + cell.size() || age < 0 || age > k_max_age) {
        throw Error(ErrorKind::invalid_input,
                    fmt::format("age: '{}' is not an age in whole years (0 to {})", cell, k_max_age));
      }
      input.age = age;
    } else if (key == "intensity") {
      double level = 0;
      const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), level);
      if (error != std::errc{} || end != cell.data() + cell.size()) {
        throw Error(ErrorKind::invalid_input, fmt::format("intensity: '{}' is not a number from 0 to 10", cell));
      }
      input.intensity = level;
    }
  }
  return input;
}

bool blank_csv_row(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& cell) { return trimmed(cell).empty(); });
}

} // namespace backrelief::cli
