#include "cli/output/diff_output.hpp"

#include "report/json_document.hpp"
#include "report/json_writer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>

namespace backrelief::cli {

namespace {

std::string listed(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ", "));
}

std::string referral_of(const AnswerSummary& side) {
  return side.referral ? fmt::format("{} ({})", to_string(*side.referral), listed(side.red_flags)) : "none";
}

std::string top_of(const AnswerSummary& side) {
  return side.ranking.empty() ? std::string("nothing suggested")
                              : fmt::format("{} ({})", side.ranking.front(), listed(side.top_reasons));
}

std::string excluded_of(const AnswerSummary& side) {
  std::vector<std::string> parts;
  for (const auto& [technique, reasons] : side.excluded) {
    parts.push_back(fmt::format("{} ({})", technique, fmt::join(reasons, ", ")));
  }
  return listed(parts);
}

struct Counts {
  std::size_t changed = 0, readable = 0, referral = 0, top = 0, ranking = 0, excluded = 0, check_first = 0;
};

Counts count(const std::vector<ComparedProfile>& profiles) {
  Counts counts;
  for (const ComparedProfile& profile : profiles) {
    const AnswerChange& change = profile.change;
    const auto one = [](bool flag) { return flag ? std::size_t{1} : std::size_t{0}; };
    counts.changed += one(change.any());
    counts.readable += one(change.readable);
    counts.referral += one(change.referral);
    counts.top += one(change.top);
    counts.ranking += one(change.ranking);
    counts.excluded += one(change.excluded);
    counts.check_first += one(change.check_first);
  }
  return counts;
}

void write_side(JsonWriter& json, const AnswerSummary& side) {
  json.begin_object();
  if (!side.unreadable.empty()) {
    json.member("unreadable", side.unreadable).end_object();
    return;
  }
  json.key("referral");
  if (side.referral) {
    json.begin_object().key("level").identifier(to_string(*side.referral));
    json.key("red_flags").strings(side.red_flags).end_object();
  } else {
    json.null();
  }
  json.key("check_first").strings(side.check_first);
  json.key("ranking").strings(side.ranking);
  json.key("top_reasons").strings(side.top_reasons);
  json.key("excluded").begin_array();
  for (const auto& [technique, reasons] : side.excluded) {
    json.begin_object().member("technique", technique).key("reasons").strings(reasons).end_object();
  }
  json.end_array().end_object();
}

} // namespace

std::string format_diff_text(const std::vector<ComparedProfile>& profiles) {
  std::string out;
  auto put = std::back_inserter(out);
  for (const ComparedProfile& profile : profiles) {
    const AnswerChange& change = profile.change;
    if (!change.any()) {
      continue;
    }
    const AnswerSummary& a = change.before;
    const AnswerSummary& b = change.after;
    fmt::format_to(put, "{} ({})\n", profile.name, profile.where);
    const auto line = [&](std::string_view what, const std::string& before, const std::string& after) {
      fmt::format_to(put, "  {}:\n    before: {}\n    after:  {}\n", what, before, after);
    };
    if (change.readable) {
      line("read", a.unreadable.empty() ? "read" : a.unreadable, b.unreadable.empty() ? "read" : b.unreadable);
    }
    if (change.referral) {
      line("referral", referral_of(a), referral_of(b));
    }
    if (change.check_first) {
      line("check first", listed(a.check_first), listed(b.check_first));
    }
    if (change.top) {
      line("top", top_of(a), top_of(b));
    }
    if (change.ranking) {
      line("ranking", listed(a.ranking), listed(b.ranking));
    }
    if (change.excluded) {
      line("excluded", excluded_of(a), excluded_of(b));
    }
  }
  const Counts counts = count(profiles);
  fmt::format_to(put,
                 "{} profile{} compared: {} changed (referral {}, top {}, ranking {}, excluded {}, check first {}, "
                 "read {})\n",
                 profiles.size(), profiles.size() == 1 ? "" : "s", counts.changed, counts.referral, counts.top,
                 counts.ranking, counts.excluded, counts.check_first, counts.readable);
  return out;
}

std::string format_diff_json(const std::vector<ComparedProfile>& profiles) {
  JsonWriter json(2);
  const Counts counts = count(profiles);
  json.begin_object().member("schema", k_json_schema_version).member("profiles", profiles.size());
  json.member("changed", counts.changed);
  json.key("changes").begin_array();
  for (const ComparedProfile& profile : profiles) {
    const AnswerChange& change = profile.change;
    if (!change.any()) {
      continue;
    }
    json.begin_object().member("profile", profile.name).member("where", profile.where);
    json.key("what").begin_array();
    for (const auto& [flag, name] : {std::pair{change.readable, "read"}, std::pair{change.referral, "referral"},
                                     std::pair{change.check_first, "check_first"}, std::pair{change.top, "top"},
                                     std::pair{change.ranking, "ranking"}, std::pair{change.excluded, "excluded"}}) {
      if (flag) {
        json.value(name);
      }
    }
    json.end_array();
    json.key("before");
    write_side(json, change.before);
    json.key("after");
    write_side(json, change.after);
    json.end_object();
  }
  json.end_array().end_object().raw("\n");
  return std::string(json.text());
}

} // namespace backrelief::cli
