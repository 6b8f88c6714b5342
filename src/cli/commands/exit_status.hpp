#pragma once

namespace backrelief::cli {

/// The documented exit statuses (backrelief(1), EXIT STATUS).
enum ExitStatus : int {
  k_exit_ok = 0,           ///< suggestions printed, or the command succeeded
  k_exit_error = 1,        ///< invalid or unreadable rule file, I/O error
  k_exit_usage = 2,        ///< unknown option, bad option value
  k_exit_referral = 3,     ///< an emergency or urgent red flag: no suggestions
  k_exit_nothing_fits = 4, ///< every technique was excluded
  k_exit_answer_first = 5  ///< a possible emergency sign: the questions are printed, no suggestions
};

} // namespace backrelief::cli
