// backrelief ask: the guided interview. The questions, their wording and order, and the facts
// each answer sets are the rules' (`questions:`); this file only puts them to a person, one
// plain line at a time, so a screen reader, ssh and TERM=dumb all work.
#include "cli/commands/commands.hpp"
#include "cli/commands/exit_status.hpp"
#include "cli/input/answer_file.hpp"
#include "cli/input/description.hpp"
#include "cli/input/profile_options.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/input/settings.hpp"
#include "cli/io/environment.hpp"
#include "cli/io/standard_input.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/io/terminal.hpp"
#include "cli/output/output.hpp"
#include "cli/output/text_wrap.hpp"
#include "core/engine/recommendation.hpp"
#include "core/engine/why_not.hpp"
#include "core/model/duration.hpp"
#include "core/util/file_text.hpp"
#include "core/util/text_case.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace backrelief::cli {

namespace {

constexpr std::size_t k_max_answer_bytes = 4096;
constexpr std::size_t k_max_answer_file_bytes = std::size_t{1024} * 1024;
constexpr std::string_view k_ended = "backrelief: the interview ended before its last question; nothing was "
                                     "recommended. Run 'backrelief ask' again, or see backrelief(1).\n";

struct AskOptions {
  ProfileOptions profile;
  std::vector<std::string> words;
  std::optional<std::string> answers;
};

/// The person ended the interview (Ctrl-D) before its last question.
struct InterviewEnded {};

extern "C" void interview_interrupted(int /*signal*/) {
  // Only what is safe in a signal handler: say why, and end as an interrupted program does.
  (void)!write(STDERR_FILENO, "\n", 1);
  (void)!write(STDERR_FILENO, k_ended.data(), k_ended.size());
  _exit(128 + SIGINT);
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// Splits "1, 3 and 4" or "neck, lower back" into its items.
std::vector<std::string> items_of(const std::string& answer) {
  std::string spaced = to_lower(answer);
  for (const char* joiner : {" and ", "&", ";", "/"}) {
    for (std::size_t at = spaced.find(joiner); at != std::string::npos; at = spaced.find(joiner)) {
      spaced.replace(at, std::string_view(joiner).size(), ",");
    }
  }
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= spaced.size()) {
    const std::size_t end = std::min(spaced.find(',', begin), spaced.size());
    if (std::string item = trimmed(std::string_view(spaced).substr(begin, end - begin)); !item.empty()) {
      items.push_back(std::move(item));
    }
    begin = end + 1;
  }
  return items;
}

// "1 3" as two numbers too; empty when a word is not a number.
std::vector<std::size_t> numbers_of(const std::vector<std::string>& items) {
  std::vector<std::size_t> numbers;
  for (const std::string& item : items) {
    std::size_t begin = 0;
    while (begin < item.size()) {
      const std::size_t end = std::min(item.find(' ', begin), item.size());
      const std::string word = item.substr(begin, end - begin);
      if (!word.empty()) {
        if (word.size() > 6 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          return {};
        }
        numbers.push_back(static_cast<std::size_t>(std::stoul(word)));
      }
      begin = end + 1;
    }
  }
  return numbers;
}

class Interview {
public:
  Interview(const Recommender& recommender, ProfileInput& input)
      : m_recommender(recommender), m_rules(*Internals::rules(recommender)), m_input(input) {}

  /// Asks the warning signs the person's words hint at first, then the others in the rules'
  /// order (leaving out what the words or the options already settle), then the preferences;
  /// stops early when the answers refer: at once for an emergency, after the warning signs for
  /// an urgent referral.
  void run() {
    const Answer words_alone = answer_from_options(m_recommender, m_input);
    const Recommendation& now = Internals::state(words_alone).recommendation;
    if (now.referral && now.referral->level != ReferralLevel::routine) {
      return; // the words alone refer
    }
    const std::vector<const Question*> signs = signs_to_ask(now);
    if (const std::size_t possible = now.check_first.size(); possible > 0) {
      say(fmt::format("What you wrote can go with {} that a clinician would ask about first.\n",
                      possible == 1 ? std::string("a warning sign") : fmt::format("{} warning signs", possible)));
    }
    if (!signs.empty()) {
      say("Some questions about warning signs. Answer yes, no or not sure (y, n or ?).\n"
          "Not sure counts as yes: it is safer to check. Ctrl-D stops the interview.\n");
    }
    std::size_t asked = 0;
    for (const Question* question : signs) {
      ++asked;
      const SignAnswer answer = ask_sign(*question, asked, signs.size());
      m_input.answers.emplace_back(question->id, std::string(to_string(answer)));
      if (answer != SignAnswer::no && referral_level() == ReferralLevel::emergency) {
        return; // the referral is printed at once
      }
    }
    if (stopped()) {
      return;
    }
    bool first = true;
    for (const Question& question : m_rules.questions()) {
      if (question.field == QuestionField::sign || already_known(question.field)) {
        continue;
      }
      if (first) {
        say("\nNow a few questions about you and what you would like. Press Enter to skip one.\n");
        first = false;
      }
      ask_preference(question);
    }
  }

private:
  // Wrapped at word boundaries to the terminal, so a long question never breaks inside a word;
  // a prompt keeps its trailing space, where the answer is typed.
  void say(std::string_view text) {
    const bool prompt = text.ends_with(' ');
    std::string wrapped = wrap_text(text, output_width(stdout));
    if (prompt && !wrapped.ends_with(' ')) {
      wrapped += ' ';
    }
    write_stdout(wrapped);
    flush_stdout();
  }

  // The possible signs first, as "Check first" lists them; then every other sign not yet
  // reported, denied or answered.
  static std::vector<const Question*> signs_to_ask(const Recommendation& now) {
    std::vector<const Question*> order = now.check_first;
    for (const Question* question : now.screening.not_mentioned) {
      if (std::find(order.begin(), order.end(), question) == order.end()) {
        order.push_back(question);
      }
    }
    return order;
  }

  std::string read_answer() {
    std::string line;
    for (int c = std::getchar(); c != '\n'; c = std::getchar()) {
      if (c == EOF) {
        if (line.empty() || std::feof(stdin) == 0) {
          throw InterviewEnded{};
        }
        break; // a last line without its newline still counts
      }
      if (line.size() < k_max_answer_bytes) {
        line += static_cast<char>(c);
      }
    }
    return trimmed(line);
  }

  SignAnswer ask_sign(const Question& question, std::size_t number, std::size_t count) {
    say(fmt::format("\n{}/{}. {} (yes/no/not sure) ", number, count, question.ask));
    for (;;) {
      if (const auto answer = parse_sign_answer(read_answer())) {
        return *answer;
      }
      say("Please answer yes, no or not sure (y, n or ?): ");
    }
  }

  std::optional<ReferralLevel> referral_level() const {
    const Answer so_far = answer_from_options(m_recommender, m_input);
    const Recommendation& result = Internals::state(so_far).recommendation;
    return result.referral ? std::optional(result.referral->level) : std::nullopt;
  }

  bool stopped() const {
    const auto level = referral_level();
    return level && *level != ReferralLevel::routine;
  }

  bool already_known(QuestionField field) const {
    switch (field) {
    case QuestionField::pressure:
      return m_input.pressure.has_value();
    case QuestionField::age:
      return m_input.age.has_value();
    case QuestionField::duration:
      return m_input.duration.has_value();
    case QuestionField::intensity:
      return m_input.intensity.has_value();
    default:
      return false;
    }
  }

  void ask_preference(const Question& question) {
    if (is_choice(question.field)) {
      ask_choice(question);
      return;
    }
    say(fmt::format("\n{} ", question.ask));
    for (;;) {
      const std::string answer = read_answer();
      if (answer.empty() || take(question.field, answer)) {
        return;
      }
    }
  }

  // An age, a span, a level or the person's own words; false (after saying why) to ask again.
  bool take(QuestionField field, const std::string& answer) {
    switch (field) {
    case QuestionField::age: {
      const auto numbers = numbers_of({answer});
      if (numbers.size() == 1 && numbers.front() <= static_cast<std::size_t>(k_max_age)) {
        m_input.age = static_cast<int>(numbers.front());
        return true;
      }
      say(fmt::format("Please give your age as a whole number of years, 0 to {}, or press Enter to skip: ", k_max_age));
      return false;
    }
    case QuestionField::duration:
      if (parse_duration_weeks(answer)) {
        m_input.duration = answer;
        return true;
      }
      say("Please give a number and d, w, m or y (10d, 3w, 6m, 2y), or press Enter to skip: ");
      return false;
    case QuestionField::intensity: {
      const auto numbers = numbers_of({answer});
      if (numbers.size() == 1 && numbers.front() <= 10) {
        m_input.intensity = static_cast<double>(numbers.front());
        return true;
      }
      say("Please give a whole number from 0 (no pain) to 10 (the worst), or press Enter to skip: ");
      return false;
    }
    default:
      add_words(answer);
      return true;
    }
  }

  void add_words(const std::string& words) {
    m_input.description += m_input.description.empty() ? words : ". " + words;
  }

  void ask_choice(const Question& question) {
    std::vector<std::pair<std::string, std::string>> choices; // id, name
    if (question.field == QuestionField::pressure) {
      for (const char* level : {"low", "medium", "firm"}) {
        choices.emplace_back(level, level);
      }
    } else {
      const ConceptKind kind = kind_of(question.field);
      for (const Concept& entry : m_rules.concepts()) {
        if (entry.kind == kind) {
          choices.emplace_back(entry.id, entry.name);
        }
      }
    }
    const bool several = allows_several(question.field);
    std::string text = fmt::format("\n{}\n", question.ask);
    for (std::size_t i = 0; i < choices.size(); ++i) {
      text += fmt::format("  {}. {}\n", i + 1, choices[i].second);
    }
    text += several ? "Numbers (several allowed) or your own words: " : "A number or a word: ";
    say(text);
    for (;;) {
      const std::string answer = read_answer();
      if (answer.empty()) {
        return;
      }
      const auto items = items_of(answer);
      const auto numbers = numbers_of(items);
      if (!numbers.empty()) {
        const bool in_range =
            std::all_of(numbers.begin(), numbers.end(), [&](std::size_t n) { return n >= 1 && n <= choices.size(); });
        if (in_range && (several || numbers.size() == 1)) {
          for (std::size_t n : numbers) {
            pick(question.field, choices[n - 1].first);
          }
          return;
        }
        say(several ? fmt::format("Please choose numbers from 1 to {}, or press Enter to skip: ", choices.size())
                    : fmt::format("Please choose one number from 1 to {}, or press Enter to skip: ", choices.size()));
        continue;
      }
      if (question.field == QuestionField::pressure) {
        if (parse_pressure(answer)) {
          m_input.pressure = answer;
          return;
        }
        say("Please choose 1 (low), 2 (medium) or 3 (firm), or press Enter to skip: ");
        continue;
      }
      // Names of the choices are taken as such; anything else is the person's own words, which
      // the description's reader understands.
      const ConceptKind kind = kind_of(question.field);
      std::vector<std::string> names;
      for (const std::string& item : items) {
        std::string hyphenated = item;
        std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
        if (!m_rules.find_concept(kind, hyphenated)) {
          names.clear();
          break;
        }
        names.push_back(hyphenated);
      }
      if (names.empty()) {
        add_words(answer);
      }
      for (const std::string& name : names) {
        pick(question.field, name);
      }
      return;
    }
  }

  void pick(QuestionField field, const std::string& id) {
    switch (field) {
    case QuestionField::area:
      m_input.areas.push_back(id);
      break;
    case QuestionField::goal:
      m_input.goals.push_back(id);
      break;
    case QuestionField::condition:
      m_input.conditions.push_back(id);
      break;
    default:
      m_input.pressure = id;
      break;
    }
  }

  const Recommender& m_recommender;
  const RuleSet& m_rules;
  ProfileInput& m_input;
};

int print_recommendation(const Recommender& recommender, const ProfileInput& input, const Settings& settings) {
  const RuleSet& rules = *Internals::rules(recommender);
  const Answer result = answer_from_options(recommender, input);
  const Profile& profile = Internals::state(result).profile;
  const Recommendation& recommendation = Internals::state(result).recommendation;
  std::vector<WhyNot> ties;
  if (settings.format == "text") {
    ties = tie_breaks(rules, profile, recommendation);
  }
  const AnswerView answer{rules, profile, recommendation, nullptr, &ties};
  OutputOptions output;
  output.top = settings.top;
  const std::string text = format_for_stdout(answer, output, settings.format, settings.color);
  const int status = recommendation.stopped_by_referral() ? k_exit_referral
                     : recommendation.answer_first        ? k_exit_answer_first
                     : recommendation.suggestions.empty() ? k_exit_nothing_fits
                                                          : k_exit_ok;
  write_stdout(text);
  return status;
}

void run_ask(AskOptions& options, int& status) {
  const auto& paths = options.profile.rules.paths;
  const bool rules_from_stdin = std::find(paths.begin(), paths.end(), "-") != paths.end();
  if (rules_from_stdin && (options.answers == "-" || !options.answers)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of --rules - and the answers");
  }
  if (description_from_stdin(options.words) && (options.answers == "-" || !options.answers || rules_from_stdin)) {
    throw Error(ErrorKind::invalid_input, "standard input can feed only one of the description, --rules - and the "
                                          "answers: put the description in quotes");
  }
  const SettingsEnvironment environment = SettingsEnvironment::current();
  const ConfigFileChoice config_file = choose_config_file(options.profile, environment);
  const std::optional<UserConfig> config = read_config_file(config_file);
  const Recommender recommender = load_chosen_recommender(options.profile.rules);
  const RuleSet& rules = *Internals::rules(recommender);
  Settings settings = resolve_settings(options.profile, config_file, config, environment, rules);
  settings.input.description = read_description(options.words);
  if (!options.answers && isatty(STDIN_FILENO) == 0) {
    // A description that refers on its own needs no one to answer: its referral is the answer.
    if (Internals::state(answer_from_options(recommender, settings.input)).recommendation.stopped_by_referral()) {
      status = print_recommendation(recommender, settings.input, settings);
      return;
    }
    throw Error(ErrorKind::invalid_input, "standard input is not a terminal, so there is no one to ask: give the "
                                          "answers in a file with --answers FILE (YAML or JSON, - for standard "
                                          "input); see backrelief(1), ask");
  }
  if (options.answers) {
    std::optional<std::string> text;
    if (*options.answers == "-") {
      text = read_stdin_up_to(k_max_answer_file_bytes);
    } else {
      text = read_file_up_to(*options.answers, k_max_answer_file_bytes);
    }
    if (!text) {
      std::error_code error;
      (void)std::filesystem::status(*options.answers, error);
      throw Error(ErrorKind::io, fmt::format("{}: cannot read the answers{}", *options.answers,
                                             error ? ": " + error.message() : std::string{}));
    }
    if (text->size() > k_max_answer_file_bytes) {
      throw Error(ErrorKind::invalid_input, fmt::format("{}: larger than {} bytes: answers are a short mapping",
                                                        *options.answers, k_max_answer_file_bytes));
    }
    read_answer_file(*options.answers == "-" ? "<stdin>" : *options.answers, *text, rules, settings.input);
  } else {
    if (rules.questions().empty()) {
      throw Error(ErrorKind::invalid_rules, "the loaded rules hold no questions to ask: add a 'questions' list "
                                            "(backrelief-rules(5)), or use backrelief recommend");
    }
    std::signal(SIGINT, interview_interrupted);
    try {
      Interview(recommender, settings.input).run();
    } catch (const InterviewEnded&) {
      write_stdout("\n");
      flush_stdout();
      std::fputs(k_ended.data(), stderr);
      status = k_exit_error;
      return;
    }
    std::signal(SIGINT, SIG_DFL);
    write_stdout("\n");
  }
  status = print_recommendation(recommender, settings.input, settings);
}

} // namespace

void set_ask_command(CLI::App& app, int& status) {
  auto options = std::make_shared<AskOptions>();
  CLI::App* command =
      app.add_subcommand("ask", "A guided interview: warning signs first, then where it hurts and what you like");
  add_profile_options(*command, options->profile);
  add_answer_option(*command, options->profile.person);
  command->add_option("description", options->words,
                      "Your pain in your own words: the warning signs they hint at are asked first");
  command
      ->add_option("--answers", options->answers,
                   "Replay the answers in FILE (YAML or JSON, '-' for standard input) without asking")
      ->type_name("FILE");
  command->footer("Examples:\n"
                  "  backrelief ask\n"
                  "  backrelief ask \"my lower back aches and I keep needing to pee\"\n"
                  "  backrelief ask --answers intake.yaml\n"
                  "  echo '{\"saddle-numbness\": \"no\", \"pressure\": \"low\"}' | backrelief ask --answers -");
  command->callback([options, &status] { run_ask(*options, status); });
}

} // namespace backrelief::cli
