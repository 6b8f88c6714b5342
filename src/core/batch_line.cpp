#include "backrelief/batch_line.hpp"

#include "backrelief/edit_distance.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <vector>

namespace backrelief {

namespace {

using nlohmann::json;

const std::vector<std::string> k_keys{"description", "pressure",   "goal",  "goals", "area",     "areas",
                                      "condition",   "conditions", "avoid", "age",   "duration", "intensity"};

[[noreturn]] void fail(std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message));
}

std::string type_name(const json& value) {
  switch (value.type()) {
  case json::value_t::string:
    return "a string";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
  case json::value_t::number_float:
    return "a number";
  case json::value_t::boolean:
    return "true or false";
  case json::value_t::array:
    return "a list";
  case json::value_t::object:
    return "an object";
  default:
    return "null";
  }
}

std::string text(const json& value, std::string_view key) {
  if (!value.is_string()) {
    fail(fmt::format("'{}' must be a string, found {}", key, type_name(value)));
  }
  return value.get<std::string>();
}

void append_texts(const json& value, std::string_view key, std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return;
  }
  if (!value.is_array()) {
    fail(fmt::format("'{}' must be a string or a list of strings, found {}", key, type_name(value)));
  }
  for (const json& item : value) {
    out.push_back(text(item, key));
  }
}

} // namespace

ProfileInput parse_batch_line(std::string_view line) {
  if (line.size() > k_max_batch_line_bytes) {
    fail(fmt::format("line longer than {} bytes: a profile is a short JSON object", k_max_batch_line_bytes));
  }
  json object;
  try {
    object = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& error) {
    fail(fmt::format(R"(invalid JSON at byte {}: expected a JSON object such as {{"pressure": "low"}})", error.byte));
  } catch (const json::exception& error) {
    // A number too large for a double (1e999), found by fuzzing: still this line's error only.
    fail(fmt::format("invalid JSON: {}", error.id == 406 ? "a number too large to read" : "cannot read it"));
  }
  if (!object.is_object()) {
    fail(fmt::format(R"(expected a JSON object such as {{"pressure": "low"}}, found {})", type_name(object)));
  }
  ProfileInput input;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) {
      continue; // an absent value, as JSON writers often say it
    }
    if (key == "description") {
      input.description = text(value, key);
    } else if (key == "pressure") {
      input.pressure = text(value, key);
    } else if (key == "goal" || key == "goals") {
      append_texts(value, key, input.goals);
    } else if (key == "area" || key == "areas") {
      append_texts(value, key, input.areas);
    } else if (key == "condition" || key == "conditions") {
      append_texts(value, key, input.conditions);
    } else if (key == "avoid") {
      append_texts(value, key, input.avoid);
    } else if (key == "age") {
      if (!value.is_number_integer() && !value.is_number_unsigned()) {
        fail(fmt::format("'age' must be a whole number of years, found {}", type_name(value)));
      }
      const auto years = value.get<long long>();
      if (years < 0 || years > k_max_age) {
        fail(fmt::format("'age' {} is not an age in years (0 to {})", years, k_max_age));
      }
      input.age = static_cast<int>(years);
    } else if (key == "duration") {
      input.duration = text(value, key);
    } else if (key == "intensity") {
      if (!value.is_number()) {
        fail(fmt::format("'intensity' must be a number from 0 to 10, found {}", type_name(value)));
      }
      input.intensity = value.get<double>();
    } else {
      fail(fmt::format("unknown key '{}'{}", key, did_you_mean(key, k_keys)));
    }
  }
  return input;
}

} // namespace backrelief
