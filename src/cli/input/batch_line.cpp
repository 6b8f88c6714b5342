#include "cli/input/batch_line.hpp"

#include "core/util/edit_distance.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace backrelief {

namespace {

using nlohmann::json;

const std::vector<std::string> k_keys{"description", "pressure",  "goal",       "goals", "area",
                                      "areas",       "condition", "conditions", "avoid", "age",
                                      "duration",    "intensity", "answers",    "id",    "meta"};

constexpr std::string_view k_object_example = R"(a JSON object such as {"pressure": "low"})";

// Reads a line with nlohmann's SAX parser: a batch reads a line per profile, and building a tree
// for each, only to copy its values out, was a good part of the batch's time. The first problem
// is kept and reading goes on, so a line that is not JSON at all is reported as such first.
class ProfileLineHandler {
public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  bool null() {
    return scalar("null", [] {});
  }
  bool boolean(bool /*flag*/) {
    return scalar("true or false", [&] { wrong_type("true or false"); });
  }
  bool number_integer(number_integer_t number) { return whole_number(number); }
  bool number_unsigned(number_unsigned_t number) { return whole_number(number); }
  bool number_float(number_float_t number, const string_t& /*text*/) {
    return scalar("a number", [&] {
      if (m_key == "age") {
        problem("'age' must be a whole number of years, found a number");
      } else if (m_key != "id") {
        set_intensity(number);
      }
    });
  }
  bool string(string_t& text) {
    if (m_depth == 2 && m_answers) {
      m_input.answers.emplace_back(std::move(m_answer_id), std::move(text));
      return true;
    }
    if (m_depth == 2 && m_list != nullptr) {
      m_list->push_back(std::move(text));
      return true;
    }
    return scalar("a string", [&] {
      if (m_key == "description") {
        m_input.description = std::move(text);
      } else if (m_key == "pressure") {
        m_input.pressure = std::move(text);
      } else if (m_key == "duration") {
        m_input.duration = std::move(text);
      } else if (list_of(m_key) != nullptr) {
        list_of(m_key)->push_back(std::move(text));
      } else if (m_key != "id") { // the id is read back whole by tags_of()
        wrong_type("a string");
      }
    });
  }
  bool binary(binary_t& /*bytes*/) { return true; } // JSON text has none

  bool start_object(std::size_t /*size*/) {
    if (m_depth == 1 && m_key == "meta") {
      ++m_depth; // the sender's own object: nothing in it is read, all of it is echoed
      return true;
    }
    if (m_depth == 1 && m_key == "answers") {
      m_answers = true;
      ++m_depth;
      return true;
    }
    return open("an object");
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*size*/) {
    if (m_depth == 1 && !m_key.empty() && list_of(m_key) != nullptr) {
      m_list = list_of(m_key);
      ++m_depth;
      return true;
    }
    return open("a list");
  }
  bool end_array() { return close(); }

  bool key(string_t& name) {
    if (m_depth == 2 && m_answers) {
      m_answer_id = std::move(name);
      return true;
    }
    if (m_depth != 1) {
      return true;
    }
    m_key = {};
    const auto known = std::find(k_keys.begin(), k_keys.end(), name);
    if (known == k_keys.end()) {
      const std::string suggestion = did_you_mean(name, k_keys);
      problem(suggestion.empty() ? fmt::format("unknown key '{}': the keys are {}", name, fmt::join(k_keys, ", "))
                                 : fmt::format("unknown key '{}'{}", name, suggestion));
      return true;
    }
    const auto bit = std::uint32_t{1} << static_cast<unsigned>(known - k_keys.begin());
    if ((m_seen & bit) != 0) {
      // JSON leaves duplicate names undefined; taking either silently could answer the wrong question.
      problem(fmt::format("key '{}' given twice", name));
      return true;
    }
    m_seen |= bit;
    m_key = *known; // views k_keys, which lives as long as the program
    m_tagged = m_tagged || m_key == "id" || m_key == "meta";
    return true;
  }

  bool parse_error(std::size_t byte, const std::string& /*token*/, const nlohmann::detail::exception& error) {
    // A number too large for a double (1e999), found by fuzzing: still this line's error only.
    // nlohmann says what it met in English words of its own; the kinds people meet get ours.
    const std::string_view what = error.what();
    if (error.id == 406) {
      m_syntax = "invalid JSON: a number too large to read";
    } else if (what.find("ill-formed UTF-8") != std::string_view::npos) {
      m_syntax = fmt::format("invalid UTF-8 at byte {}: a batch line is UTF-8 text", byte);
    } else if (what.find("unexpected end of input") != std::string_view::npos) {
      m_syntax = fmt::format("the line ends inside its JSON (at byte {}): expected {}, closed on the same line", byte,
                             k_object_example);
    } else if (what.find("expected end of input") != std::string_view::npos) {
      m_syntax = fmt::format("text after the JSON object (at byte {}): one object per line", byte);
    } else {
      m_syntax = fmt::format("invalid JSON at byte {}: expected {}", byte, k_object_example);
    }
    return false;
  }

  /// True when the line gave `id` or `meta` and was read to its end as JSON.
  [[nodiscard]] bool tagged() const { return m_tagged && !m_syntax; }

  ProfileInput take() {
    if (m_syntax) {
      throw Error(ErrorKind::invalid_input, *m_syntax);
    }
    if (m_problem) {
      throw Error(ErrorKind::invalid_input, *m_problem);
    }
    return std::move(m_input);
  }

private:
  std::vector<std::string>* list_of(std::string_view key) { return repeatable_field(m_input, key); }

  void problem(std::string message) {
    if (!m_problem) {
      m_problem = std::move(message);
    }
  }

  void wrong_type(std::string_view found) {
    if (m_key == "id") {
      problem(fmt::format("'id' must be a string or a number, found {}", found));
    } else if (m_key == "meta") {
      problem(fmt::format("'meta' must be a JSON object, found {}", found));
    } else if (m_key == "answers") {
      problem(fmt::format("'answers' must be an object of question ids and answers, such as "
                          "{{\"saddle-numbness\": \"no\"}}, found {}",
                          found));
    } else if (list_of(m_key) != nullptr) {
      problem(fmt::format("'{}' must be a string or a list of strings, found {}", m_key, found));
    } else if (m_key == "age") {
      problem(fmt::format("'age' must be a whole number of years, found {}", found));
    } else if (m_key == "intensity") {
      problem(fmt::format("'intensity' must be a number from 0 to 10, found {}", found));
    } else {
      problem(fmt::format("'{}' must be a string, found {}", m_key, found));
    }
  }

  // A value that is not a string inside a list, or any value at the top: the wrong type there.
  // At a key, `use` takes it; deeper inside a value of the wrong type it does not matter.
  template <typename Use>
  bool scalar(std::string_view type, Use use) {
    if (m_depth == 0) {
      problem(fmt::format("expected {}, found {}", k_object_example, type));
    } else if (m_depth == 1 && !m_key.empty()) {
      if (type == "null") {
        return true; // an absent value, as JSON writers often say it
      }
      use();
    } else if (m_depth == 2 && m_list != nullptr) {
      problem(fmt::format("'{}' must be a string, found {}", m_key, type));
    } else if (m_depth == 2 && m_answers) {
      problem(fmt::format("the answer to '{}' must be \"yes\", \"no\" or \"not-sure\", found {}", m_answer_id, type));
    }
    return true;
  }

  template <typename Number>
  bool whole_number(Number number) {
    return scalar("a number", [&] {
      if (m_key == "age") {
        if (number < 0 || number > static_cast<Number>(k_max_age)) {
          problem(fmt::format("'age' {} is not an age in years (0 to {})", number, k_max_age));
        } else {
          m_input.age = static_cast<int>(number);
        }
      } else if (m_key != "id") {
        set_intensity(static_cast<double>(number));
      }
    });
  }

  void set_intensity(double number) {
    if (m_key == "intensity") {
      m_input.intensity = number;
    } else {
      wrong_type("a number");
    }
  }

  bool open(std::string_view type) {
    if (m_depth == 0 && type == "an object") {
      m_depth = 1;
      return true;
    }
    if (m_depth == 0) {
      problem(fmt::format("expected {}, found {}", k_object_example, type));
    } else if (m_depth == 1 && !m_key.empty()) {
      wrong_type(type);
    } else if (m_depth == 2 && m_list != nullptr) {
      problem(fmt::format("'{}' must be a string, found {}", m_key, type));
    } else if (m_depth == 2 && m_answers) {
      problem(fmt::format("the answer to '{}' must be \"yes\", \"no\" or \"not-sure\", found {}", m_answer_id, type));
    }
    ++m_depth;
    return true;
  }

  bool close() {
    --m_depth;
    if (m_depth <= 1) {
      m_list = nullptr;
      m_answers = false;
    }
    return true;
  }

  ProfileInput m_input;
  std::size_t m_depth = 0;                    ///< 1 inside the line's object
  std::string_view m_key;                     ///< the known key whose value comes next
  std::uint32_t m_seen = 0;                   ///< keys already given, one bit per k_keys entry
  std::vector<std::string>* m_list = nullptr; ///< the list being read, inside its array
  bool m_answers = false;                     ///< inside the object of answers
  std::string m_answer_id;                    ///< the question whose answer comes next
  std::optional<std::string> m_problem;
  std::optional<std::string> m_syntax;
  bool m_tagged = false;
};

// The sender's id and meta, written back as compact JSON. Only for a line that gave them, so an
// ordinary line is parsed once.
BatchLineTags tags_of(std::string_view line) {
  BatchLineTags tags;
  // ordered_json keeps the sender's order of members inside meta.
  const nlohmann::ordered_json object = nlohmann::ordered_json::parse(line.begin(), line.end(), nullptr, false);
  if (!object.is_object()) {
    return tags;
  }
  const auto dump = [](const nlohmann::ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  if (const auto id = object.find("id"); id != object.end() && (id->is_string() || id->is_number())) {
    tags.id = dump(*id);
  }
  if (const auto meta = object.find("meta"); meta != object.end() && meta->is_object()) {
    tags.meta = dump(*meta);
  }
  return tags;
}

} // namespace

std::vector<std::string>* repeatable_field(ProfileInput& input, std::string_view key) {
  if (key == "goal" || key == "goals") {
    return &input.goals;
  }
  if (key == "area" || key == "areas") {
    return &input.areas;
  }
  if (key == "condition" || key == "conditions") {
    return &input.conditions;
  }
  if (key == "avoid") {
    return &input.avoid;
  }
  return nullptr;
}

ProfileInput parse_batch_line(std::string_view line, BatchLineTags* tags) {
  if (line.size() > k_max_batch_line_bytes) {
    throw Error(ErrorKind::invalid_input,
                fmt::format("line longer than {} bytes: a profile is a short JSON object", k_max_batch_line_bytes));
  }
  ProfileLineHandler reader;
  json::sax_parse(line.begin(), line.end(), &reader);
  if (tags != nullptr && reader.tagged()) {
    *tags = tags_of(line);
  }
  return reader.take();
}

} // namespace backrelief
