// The promise the product cannot break: a red flag in what the person wrote is answered even
// when the files around it are broken.
#include "cli/commands/shipped_screen.hpp"

#include "cli/commands/exit_status.hpp"
#include "cli/input/rule_options.hpp"
#include "cli/input/settings.hpp"
#include "cli/io/standard_error.hpp"
#include "cli/io/standard_output.hpp"
#include "cli/output/output.hpp"
#include "core/engine/recommendation.hpp"

#include <exception>

namespace backrelief::cli {

std::optional<int> screen_despite(const Error& error, const ProfileOptions& options, const std::string& description) {
  if (description.empty()) {
    return std::nullopt;
  }
  try {
    const RuleSet rules = load_shipped_rules(options.rules.no_cache);
    // The command line's own words and numbers; no config file, and none of the names that only
    // the broken files might define.
    ProfileOptions flags;
    flags.format = options.format;
    flags.json = options.json;
    flags.color = options.color;
    flags.no_config = true;
    flags.person.age = options.person.age;
    flags.person.duration = options.person.duration;
    flags.person.intensity = options.person.intensity;
    flags.person.answers = options.person.answers;
    const SettingsEnvironment environment = SettingsEnvironment::current();
    Settings settings =
        resolve_settings(flags, choose_config_file(flags, environment), std::nullopt, environment, rules);
    settings.input.description = description;
    const Profile profile = make_profile_from_options(settings.input, rules);
    const Recommendation recommendation = recommend(rules, profile);
    if (!recommendation.stopped_by_referral()) {
      return std::nullopt;
    }
    for (const Diagnostic& diagnostic : error.diagnostics()) {
      print_error(to_string(diagnostic));
    }
    print_message("those files could not be used, but what you wrote was checked against the warning signs that "
                  "ship with backrelief, and one needs a doctor first:");
    const AnswerView answer{rules, profile, recommendation, nullptr, nullptr};
    OutputOptions output;
    write_stdout(format_for_stdout(answer, output, settings.format, settings.color));
    return k_exit_referral;
  } catch (const std::exception&) {
    return std::nullopt; // not even the shipped rules could be used: the error alone says what to fix
  }
}

} // namespace backrelief::cli
