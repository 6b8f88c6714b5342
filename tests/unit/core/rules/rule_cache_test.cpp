#include "core/rules/condition_description.hpp"
#include "core/rules/rule_cache.hpp"

#include "core/authoring/rule_lint.hpp"
#include "core/engine/recommendation.hpp"
#include "core/text/text_analysis.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace backrelief {
namespace {

std::vector<RuleSource> shipped_sources() {
  return read_rule_sources(BACKRELIEF_TEST_RULES_DIR);
}

// Everything a person can see of a rule set, as text: equal texts mean equal rule sets for them.
std::string portrait(const RuleSet& rules) {
  std::string text;
  for (const Technique& technique : rules.techniques()) {
    text += technique.id + "|" + technique.name + "|" + technique.summary + "|" + to_string(technique.origin);
    for (const std::string& trait : technique.traits) {
      text += "|" + trait;
    }
    text += "\n";
  }
  for (const Trait& trait : rules.traits()) {
    text += trait.id + "|" + trait.name + "|" + to_string(trait.origin) + "\n";
  }
  for (const Concept& entry : rules.concepts()) {
    text += entry.id + "|" + entry.name + "|" + std::to_string(entry.phrases.size()) + "|" +
            std::to_string(static_cast<int>(entry.kind)) + "\n";
  }
  for (const Rule& rule : rules.rules()) {
    text += rule.id + "|" + describe(rule.when, rules) + "|" + rule.because + "|" + to_string(rule.origin) + "\n";
  }
  for (const Question& question : rules.questions()) {
    text += question.id + "|" + std::string(to_string(question.field)) + "|" + question.ask + "|" + question.sign +
            "|" + (question.tier ? std::string(to_string(*question.tier)) : "-") + "|" + to_string(question.where);
    for (ConceptId id : question.yes) {
      text += "|" + rules.concepts()[id].id;
    }
    text += "\n";
  }
  for (const SafetyNetLine& line : rules.safety_net()) {
    text += std::string(to_string(line.level)) + "|" + line.say + "|" + to_string(line.where) + "\n";
  }
  return text;
}

std::string ranking(const RuleSet& rules, const std::string& description, std::optional<std::string> pressure) {
  ProfileInput input;
  input.description = description;
  input.pressure = std::move(pressure);
  const Recommendation result = recommend(rules, make_profile(input, rules));
  std::string text = result.referral ? std::string(to_string(result.referral->level)) + ":" : "";
  for (const TechniqueOutcome& outcome : result.suggestions) {
    text += rules.techniques()[outcome.technique].id + "=" + std::to_string(outcome.score) + " ";
  }
  for (const TechniqueOutcome& outcome : result.excluded) {
    text += "x" + rules.techniques()[outcome.technique].id + " ";
  }
  return text;
}

TEST(RuleCache, ReadsBackTheSameRuleSet) {
  const auto sources = shipped_sources();
  const RuleSet loaded = load_rules(sources);
  const std::string key = rule_cache_key(sources, "test");
  const auto cached = deserialize_rule_set(serialize_rule_set(loaded, key), key);
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(portrait(*cached), portrait(loaded));
  EXPECT_FALSE(cached->questions().empty());
  EXPECT_FALSE(cached->safety_net().empty());
  EXPECT_EQ(lint_rules(*cached).size(), lint_rules(loaded).size());
  for (const char* description : {"dull ache low in my back after sitting, knots under my shoulder blade",
                                  "fever and numb between my legs", "I take warfarin and my neck is stiff",
                                  "is deep tissue safe when I'm pregnant?", "no numbness, sciatika in my mum"}) {
    for (const char* pressure : {"low", "firm"}) {
      EXPECT_EQ(ranking(*cached, description, pressure), ranking(loaded, description, pressure)) << description;
    }
  }
}

TEST(RuleCache, ReadsBackTheSameVocabulary) {
  // The compiled vocabulary is stored, not compiled again: every fact of every description, with
  // how it was meant, must come out the same.
  const auto sources = shipped_sources();
  const RuleSet loaded = load_rules(sources);
  const auto cached = deserialize_rule_set(serialize_rule_set(loaded, "k"), "k");
  ASSERT_TRUE(cached.has_value());
  const auto facts = [](const RuleSet& rules, const std::string& text) {
    std::string out;
    for (const TextFact& fact : analyze_text(text, rules.vocabulary()).facts) {
      out += rules.concepts()[fact.concept_id].id + "@" + std::to_string(fact.begin) + (fact.negated ? "-" : "") +
             (fact.family ? "f" : "") + (fact.hypothetical ? "?" : "") + (fact.fuzzy ? "~" : "") +
             (fact.by_pattern ? "p" : "") + std::to_string(fact.source) + "[" + fact.qualifier + "] ";
    }
    return out;
  };
  std::size_t found = 0;
  for (const char* description :
       {"dull ache low in my back after sitting all day at my desk", "knots under my shoulder blade",
        "stiff neck every morning, tension between my shoulders", "sharp pain in my right hip, I just want to relax",
        "no numbness or tingling, worse when I bend forward", "tight glutes after running, lots of stress at work",
        "sciatica down my left leg, I take blood thinners",
        "I have mild fibromyalgia and burning between the shoulder "
        "blades",
        "throbbing ache in the lumbar area, trigger points in my upper back", "my mum had cancer",
        "what if I get sciatica?", "numbnes in my groin", "osteoprosis and a slipped disk",
        "no fever, chills or sweats", "I can't bend, sore and restricted movement",
        "my bottom has gone numb and both my legs feel wobbly", "I can't feel my bum when I wipe"}) {
    const std::string expected = facts(loaded, description);
    EXPECT_EQ(facts(*cached, description), expected) << description;
    found += expected.empty() ? 0U : 1U;
  }
  EXPECT_GE(found, 14U);
  EXPECT_EQ(cached->vocabulary().phrase_count(), loaded.vocabulary().phrase_count());
}

TEST(RuleCache, KeepsDisabledRules) {
  const std::vector<RuleSource> sources{
      {"a.yaml", "version: 1\ntechniques:\n  - {id: t, name: T, summary: s, pressure: [low, firm]}\nrules:\n"
                 "  - {id: r1, when: {pressure: low}, score: {t: 1}, because: b, source: s}\n"
                 "  - {id: r2, when: {pressure: firm}, score: {t: 2}, because: b, source: s}\n"
                 "disable: [r1]\n"}};
  const RuleSet loaded = load_rules(sources);
  const auto cached = deserialize_rule_set(serialize_rule_set(loaded, "k"), "k");
  ASSERT_TRUE(cached.has_value());
  ASSERT_EQ(cached->rules().size(), 1U);
  EXPECT_EQ(cached->rules()[0].id, "r2");
  ASSERT_EQ(cached->disabled_rules().size(), 1U);
  EXPECT_EQ(cached->disabled_rules()[0].first.id, "r1");
  EXPECT_EQ(to_string(cached->disabled_rules()[0].second), "a.yaml:7:11");
}

TEST(RuleCache, TheKeyChangesWithEveryByteAndName) {
  const std::vector<RuleSource> sources{{"a.yaml", "version: 1\n"}, {"b.yaml", "x"}};
  const std::string key = rule_cache_key(sources, "build 1");
  EXPECT_EQ(key.size(), 32U);
  EXPECT_EQ(key, rule_cache_key(sources, "build 1"));
  EXPECT_NE(key, rule_cache_key(sources, "build 2"));
  EXPECT_NE(key, rule_cache_key({{"a.yaml", "version: 2\n"}, {"b.yaml", "x"}}, "build 1"));
  EXPECT_NE(key, rule_cache_key({{"a.yml", "version: 1\n"}, {"b.yaml", "x"}}, "build 1"));
  // Moving a byte from one file to the next is a different set of files.
  EXPECT_NE(key, rule_cache_key({{"a.yaml", "version: 1"}, {"b.yaml", "\nx"}}, "build 1"));
  EXPECT_NE(key, rule_cache_key({{"b.yaml", "x"}, {"a.yaml", "version: 1\n"}}, "build 1"));
}

TEST(RuleCache, RefusesAnotherKey) {
  const RuleSet loaded = load_rules(shipped_sources());
  EXPECT_FALSE(deserialize_rule_set(serialize_rule_set(loaded, "one"), "two").has_value());
}

TEST(RuleCache, RefusesEveryTruncation) {
  const RuleSet loaded = load_rules(shipped_sources());
  const std::string data = serialize_rule_set(loaded, "k");
  for (std::size_t size = 0; size < data.size(); size += 1 + size / 8) {
    EXPECT_FALSE(deserialize_rule_set(std::string_view(data).substr(0, size), "k").has_value()) << size;
  }
  EXPECT_FALSE(deserialize_rule_set(data + "x", "k").has_value());
}

TEST(RuleCache, RefusesAnyChangedByte) {
  const RuleSet loaded = load_rules(shipped_sources());
  const std::string data = serialize_rule_set(loaded, "k");
  for (std::size_t at = 0; at < data.size(); at += 97) {
    std::string damaged = data;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    EXPECT_FALSE(deserialize_rule_set(damaged, "k").has_value()) << at;
  }
}

// A cache around `payload` with a correct header and checksum, as something else could write.
std::string forged_cache(const std::string& payload) {
  // The magic line and the format version, from a real cache.
  static const std::string prefix = serialize_rule_set(load_rules(shipped_sources()), "k")
                                        .substr(0, std::string_view("backrelief-rules-cache\n").size() + 4);
  std::string forged = prefix;
  const auto put = [&forged](std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
      forged.push_back(static_cast<char>(value >> (8 * i)));
    }
  };
  put(1, 4);
  forged += "k";
  put(payload.size(), 8);
  put(rule_cache_checksum(payload), 8);
  return forged + payload;
}

TEST(RuleCache, NeverTrustsIdsEvenWithAGoodChecksum) {
  // A file written by something else entirely: random bytes behind a correct header and checksum
  // must fail cleanly, never index out of range.
  std::uint64_t state = 42;
  for (std::size_t round = 0; round < 200; ++round) {
    std::string payload(64 + round * 13, '\0');
    for (char& c : payload) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      c = static_cast<char>(state >> 56U);
    }
    EXPECT_FALSE(deserialize_rule_set(forged_cache(payload), "k").has_value());
  }
}

TEST(RuleCache, AForgedCacheMayLoadButNeverReadsOutOfRange) {
  // Changed bytes inside a real payload, with the checksum made to match: every id, count and
  // table index read back is checked, so the cache is refused or, where the change was harmless
  // (a letter of a text), loads and answers without reading out of range (the asan build checks).
  const std::string real = serialize_rule_set(load_rules(shipped_sources()), "k");
  const std::string real_forged = forged_cache("");
  const std::string payload = real.substr(real_forged.size());
  ASSERT_TRUE(deserialize_rule_set(forged_cache(payload), "k").has_value());
  std::size_t loaded = 0;
  for (std::size_t at = 0; at < payload.size(); at += 389) {
    std::string changed = payload;
    changed[at] = static_cast<char>(changed[at] ^ 0x41);
    const auto rules = deserialize_rule_set(forged_cache(changed), "k");
    if (rules) {
      ++loaded;
      ranking(*rules, "dull ache low in my back, knots under my shoulder blade, sciatika", "firm");
    }
  }
  EXPECT_GT(loaded, 0U); // most single changes land in texts, which load
}

TEST(RuleCache, KeepsPatternsWordSetsAndWhereEachPhraseWasWritten) {
  const RuleSet loaded = test_support::load_text(R"(version: 1
techniques:
  - {id: swedish, name: Swedish, summary: Gentle strokes., pressure: [low, medium]}
word-sets:
  - {id: numb, words: [numb, no feeling]}
  - {id: clause-breaks, words: [but]}
concepts:
  - id: saddle-numbness
    kind: red-flag
    name: saddle numbness
    phrases: [saddle numbness]
    patterns:
      - near: [<numb>, bottom]
        within: 2
        not-near: [injection]
)");
  const auto cached = deserialize_rule_set(serialize_rule_set(loaded, "k"), "k");
  ASSERT_TRUE(cached.has_value());
  ASSERT_EQ(cached->word_sets().size(), 2U);
  EXPECT_EQ(cached->word_sets()[0].members, (std::vector<std::string>{"numb", "no feeling"}));
  EXPECT_EQ(to_string(cached->word_sets()[0].member_where[1]), "test.yaml:5:30");
  const Concept& entry = cached->concepts()[*cached->find_concept("saddle-numbness")];
  ASSERT_EQ(entry.patterns.size(), 1U);
  EXPECT_EQ(entry.patterns[0].text, "near [<numb>, bottom] within 2 not near [injection]");
  EXPECT_EQ(to_string(entry.patterns[0].not_near[0].where), "test.yaml:15:20");
  for (const char* text : {"numb bottom", "saddle numbness", "numb but bottom", "numb bottom injection"}) {
    const auto fresh = analyze_text(text, loaded.vocabulary()).facts;
    const auto stored = analyze_text(text, cached->vocabulary()).facts;
    ASSERT_EQ(stored.size(), fresh.size()) << text;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      EXPECT_EQ(stored[i].by_pattern, fresh[i].by_pattern) << text;
      const SourceLocation& where = fresh[i].by_pattern ? loaded.vocabulary().patterns().patterns[fresh[i].source].where
                                                        : loaded.vocabulary().phrase_where(fresh[i].source);
      const SourceLocation& read = stored[i].by_pattern
                                       ? cached->vocabulary().patterns().patterns[stored[i].source].where
                                       : cached->vocabulary().phrase_where(stored[i].source);
      EXPECT_EQ(to_string(read), to_string(where)) << text;
    }
  }
  EXPECT_EQ(analyze_text("numb bottom", cached->vocabulary()).facts.size(), 1U);
  EXPECT_EQ(analyze_text("numb but bottom", cached->vocabulary()).facts.size(), 0U);
}

} // namespace
} // namespace backrelief
