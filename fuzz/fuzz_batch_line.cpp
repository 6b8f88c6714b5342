// Fuzzes one line of `recommend --batch` input: parsed as JSON into a profile input, resolved
// against the shipped rules (with the system word lists) and ranked. Error is how a bad line is
// rejected, so only it is caught; anything else that escapes, or any crash, is a finding.

#include "fuzz_support.hpp"

#include "cli/input/batch_line.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backrelief;
  const RuleSet& rules = fuzz::shipped_rules();
  try {
    BatchLineTags tags; // read back with a second parser when the line gives id or meta
    const ProfileInput input = parse_batch_line(fuzz::as_text(data, size), &tags);
    const Profile profile = make_profile(input, rules);
    fuzz::recommend_and_check(rules, profile);
  } catch (const Error&) {
    // Rejected with a message: the expected outcome for most lines.
  }
  return 0;
}
