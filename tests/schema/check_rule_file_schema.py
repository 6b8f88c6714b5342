#!/usr/bin/env python3
"""Keep the JSON Schemas of backrelief's YAML input files in step with the real parser.

Usage: check_rule_file_schema.py BINARY REPO_DIR

The schemas are REPO_DIR/schema/rule-file.schema.json and scenario-file.schema.json (JSON Schema
draft-07, for yaml-language-server). This script checks:

1. The schemas themselves are valid draft-07 schemas.
2. Drift against the parser: every `k_*keys` table of the C++ sources under src/core is extracted
   and compared with the `properties` (or, for k_required_* tables, the `required`) of the schema
   object that TABLES below maps it to. A table with no entry in TABLES is a failure, so a new
   table cannot be forgotten. The condition keys (condition_keys() in condition_parser.cpp plus
   the concept kinds of k_kind_names in concept.cpp) are compared with the condition object, and
   the keys a few parsers require inline (`require(..., std::vector<std::string>{...}, "a trait")`)
   with the `required` of their object.
3. Every shipped rule file (rules/*.yaml) and every scenario file (tests/scenarios/*.yaml, and
   tests/regression/*.yaml) validates.
4. The schemas agree with the binary on the example files of the CLI tests (tests/cli/**/*.yaml
   and *.yml): a file the binary accepts must validate; a file the binary refuses for a reason the
   schema can see (an unknown or missing key, a wrong type, a value out of range, a value twice in
   a list, YAML syntax) must not validate, or must not parse.

YAML is read the way backrelief reads it, not the YAML 1.1 way of PyYAML's SafeLoader: only
`true` and `false` are booleans (`no`, `yes`, `on`, `off` and `True` are text, as backrelief's
parser reads them: it accepts exactly `true`/`false`), only plain decimals are numbers (`07`,
`1e3`, `0x10`, `1_000`, `.5` and `.inf` are text, which backrelief refuses where a number is
wanted), there are no timestamps, and a key given twice in a mapping is an error.

Prints one line per failure and a final count; exits 0 when every check passes, 1 otherwise.
Needs the standard library, PyYAML and jsonschema (4.10 or later).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml

RULE_SCHEMA = "schema/rule-file.schema.json"
SCENARIO_SCHEMA = "schema/scenario-file.schema.json"

# (source file name, table) -> the schema objects it must match: (schema, JSON pointer, "properties"
# or "required"). None: a table of a file that is neither a rule file nor a scenario file.
TABLES = {
    ("rule_loader.cpp", "k_top_keys"): [("rule", "", "properties")],
    ("definition_parser.cpp", "k_technique_keys"): [("rule", "/definitions/technique", "properties")],
    ("definition_parser.cpp", "k_required_technique_keys"): [("rule", "/definitions/technique", "required")],
    ("definition_parser.cpp", "k_trait_keys"): [("rule", "/definitions/trait", "properties")],
    ("definition_parser.cpp", "k_concept_keys"): [("rule", "/definitions/concept", "properties")],
    ("definition_parser.cpp", "k_required_concept_keys"): [("rule", "/definitions/concept", "required")],
    ("definition_parser.cpp", "k_vocabulary_keys"): [("rule", "/definitions/vocabularyEntry", "properties")],
    ("definition_parser.cpp", "k_required_vocabulary_keys"): [("rule", "/definitions/vocabularyEntry", "required")],
    ("modifier_parser.cpp", "k_modifier_keys"): [("rule", "/definitions/modifier", "properties")],
    # read_word_class and read_number_words require every key of their tables.
    ("modifier_parser.cpp", "k_word_class_keys"): [
        ("rule", "/definitions/wordClass", "properties"),
        ("rule", "/definitions/wordClass", "required"),
    ],
    ("modifier_parser.cpp", "k_number_words_keys"): [
        ("rule", "/definitions/numberWords", "properties"),
        ("rule", "/definitions/numberWords", "required"),
    ],
    ("pattern_parser.cpp", "k_pattern_keys"): [("rule", "/definitions/pattern", "properties")],
    ("pattern_parser.cpp", "k_word_set_keys"): [("rule", "/definitions/wordSet", "properties")],
    ("pattern_parser.cpp", "k_required_word_set_keys"): [("rule", "/definitions/wordSet", "required")],
    ("pattern_parser.cpp", "k_wordnet_member_keys"): [("rule", "/definitions/wordnetMember", "properties")],
    ("pattern_parser.cpp", "k_required_wordnet_member_keys"): [("rule", "/definitions/wordnetMember", "required")],
    ("question_parser.cpp", "k_question_keys"): [("rule", "/definitions/question", "properties")],
    ("question_parser.cpp", "k_required_question_keys"): [("rule", "/definitions/question", "required")],
    ("question_parser.cpp", "k_safety_net_keys"): [("rule", "/definitions/safetyNetLine", "properties")],
    ("question_parser.cpp", "k_required_safety_net_keys"): [("rule", "/definitions/safetyNetLine", "required")],
    ("rule_parser.cpp", "k_rule_keys"): [("rule", "/definitions/rule", "properties")],
    ("rule_parser.cpp", "k_required_rule_keys"): [("rule", "/definitions/rule", "required")],
    ("rule_parser.cpp", "k_refer_keys"): [("rule", "/definitions/referral", "properties")],
    ("condition_parser.cpp", "k_comparison_keys"): [
        ("rule", "/definitions/ageTest/oneOf/1", "properties"),
        ("rule", "/definitions/durationTest/oneOf/1", "properties"),
        ("rule", "/definitions/intensityTest/oneOf/1", "properties"),
    ],
    # The scenario loader requires both keys of a scenario file.
    ("scenario_loader.cpp", "k_file_keys"): [("scenario", "", "properties"), ("scenario", "", "required")],
    ("scenario_loader.cpp", "k_scenario_keys"): [("scenario", "/definitions/scenario", "properties")],
    ("scenario_loader.cpp", "k_required_scenario_keys"): [("scenario", "/definitions/scenario", "required")],
    ("scenario_loader.cpp", "k_option_keys"): [("scenario", "/definitions/options", "properties")],
    ("scenario_loader.cpp", "k_expect_keys"): [("scenario", "/definitions/expect", "properties")],
    # The user's config file (config.yaml): no schema of these two describes it.
    ("user_config.cpp", "k_keys"): None,
    ("user_config.cpp", "k_list_keys"): None,
}

# What the parsers require inline, by the name they give the mapping in messages.
INLINE_REQUIRED = {
    "a trait": ("rule", "/definitions/trait"),
    "a modifier": ("rule", "/definitions/modifier"),
    "a referral": ("rule", "/definitions/referral"),
}

CONDITION_OBJECT = ("rule", "/definitions/conditionTests")
FACT_OBJECT = ("rule", "/definitions/factTests")  # a question's yes: concept tests and 'all' only

# Messages of the binary for problems a schema can see.
STRUCTURAL = re.compile(
    r"unknown key|needs the key|missing|expected|is not an age|is not a pain level|is not a number of weeks"
    r"|in this list twice|invalid YAML|YAML|unsupported format version"
)


class Failures:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failures += 1
            print(f"FAIL: {message}")
        return ok


# ----------------------------------------------------------------------------- YAML as backrelief reads it


class DuplicateKey(yaml.YAMLError):
    pass


class BackreliefLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style booleans and backrelief's numbers, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise DuplicateKey(
                            f"duplicate key '{key_node.value}' at line {key_node.start_mark.line + 1} "
                            f"(first at line {seen[key] + 1})"
                        )
                    seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


class LenientLoader(yaml.SafeLoader):
    """The same scalars as BackreliefLoader, duplicate keys allowed: only to tell what a file is."""


for loader in (BackreliefLoader, LenientLoader):
    loader.yaml_implicit_resolvers = {}
    loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
    loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"), list("-+0123456789")
    )


def load_yaml(path, loader=BackreliefLoader):
    with open(path, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=loader)


# ----------------------------------------------------------------------------- schemas


def pointer(document, path):
    node = document
    for part in [p for p in path.split("/") if p]:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def schema_errors(validator, document):
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    return [f"/{'/'.join(str(p) for p in error.absolute_path)}: {error.message[:200]}" for error in errors]


# ----------------------------------------------------------------------------- 1. drift against the parser

TABLE = re.compile(
    r"const\s+std::(?:vector|array)<\s*std::string(?:_view)?\s*(?:,\s*\d+\s*)?>\s+(k_[a-z_]*keys)\s*\{([^}]*)\}",
    re.S,
)
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def literals(text):
    return LITERAL.findall(text)


def check_drift(repo, schemas, result):
    core = repo / "src/core"
    found = {}
    for source in sorted(core.rglob("*.cpp")) + sorted(core.rglob("*.hpp")):
        text = source.read_text(encoding="utf-8")
        for match in TABLE.finditer(text):
            found[(source.name, match.group(1))] = literals(match.group(2))
    result.check(len(found) > 0, "no k_*keys table found under src/core: has the source moved?")
    for key, values in sorted(found.items()):
        if not result.check(key in TABLES, f"{key[0]}: table {key[1]} has no mapping to a schema object in this script"):
            continue
        targets = TABLES[key]
        if targets is None:
            print(f"  {key[0]} {key[1]}: not a rule or scenario file (left out)")
            continue
        for schema_name, path, member in targets:
            try:
                node = pointer(schemas[schema_name], path)
            except (KeyError, IndexError, ValueError):
                result.check(False, f"{key[0]} {key[1]}: no object at {schema_name}:{path or '/'}")
                continue
            have = sorted(node.get(member, {}) if member == "properties" else node.get(member, []))
            want = sorted(values)
            result.check(
                have == want,
                f"{key[0]} {key[1]} vs {schema_name}:{path or '/'} {member}: "
                f"only in the parser {sorted(set(want) - set(have))}, only in the schema {sorted(set(have) - set(want))}",
            )
    for key in sorted(set(TABLES) - set(found)):
        result.check(False, f"{key[0]}: table {key[1]} is mapped in this script but no longer in the sources")

    # condition_keys() builds its list in code, from fixed keys and the concept kinds.
    conditions = (core / "rules/condition_parser.cpp").read_text(encoding="utf-8")
    kinds_text = (core / "model/concept.cpp").read_text(encoding="utf-8")
    fixed = re.search(r"condition_keys\(\).*?std::vector<std::string>\s+\w+\s*\{([^}]*)\}", conditions, re.S)
    kinds = re.search(r"k_kind_names\s*\{([^}]*)\}", kinds_text, re.S)
    if result.check(fixed and kinds, "cannot find condition_keys() or k_kind_names in the sources"):
        want = sorted(literals(fixed.group(1)) + literals(kinds.group(1)))
        node = pointer(schemas[CONDITION_OBJECT[0]], CONDITION_OBJECT[1])
        have = sorted(node["properties"])
        result.check(
            have == want,
            f"condition keys vs rule:{CONDITION_OBJECT[1]}: only in the parser {sorted(set(want) - set(have))}, "
            f"only in the schema {sorted(set(have) - set(want))}",
        )
        facts = sorted(pointer(schemas[FACT_OBJECT[0]], FACT_OBJECT[1])["properties"])
        want_facts = sorted(["all", "mentions"] + literals(kinds.group(1)))
        result.check(
            facts == want_facts,
            f"the facts of a question's yes (rule:{FACT_OBJECT[1]}) should be {want_facts}, found {facts}",
        )

    inline = re.compile(r'require\([^;]*?std::vector<std::string>\s*\{([^}]*)\}\s*,\s*"([^"]+)"\s*\)', re.S)
    seen = set()
    for source in sorted(core.rglob("*.cpp")):
        for match in inline.finditer(source.read_text(encoding="utf-8")):
            what = match.group(2)
            seen.add(what)
            if not result.check(what in INLINE_REQUIRED, f"{source.name}: keys required inline for '{what}' have no mapping"):
                continue
            schema_name, path = INLINE_REQUIRED[what]
            have = sorted(pointer(schemas[schema_name], path).get("required", []))
            want = sorted(literals(match.group(1)))
            result.check(have == want, f"{source.name}: '{what}' requires {want}, {schema_name}:{path} requires {have}")
    for what in sorted(set(INLINE_REQUIRED) - seen):
        result.check(False, f"no inline require() for '{what}' in the sources any more")


# ----------------------------------------------------------------------------- 2. the shipped files


def check_shipped(repo, validators, result):
    groups = [
        ("rule", sorted((repo / "rules").glob("*.yaml"))),
        ("scenario", sorted((repo / "tests/scenarios").glob("*.yaml"))),
        ("scenario", sorted((repo / "tests/regression").glob("*.yaml"))),
    ]
    for kind, files in groups:
        result.check(files or kind == "scenario", f"no {kind} files found")
        for path in files:
            try:
                document = load_yaml(path)
            except yaml.YAMLError as problem:
                result.check(False, f"{path.relative_to(repo)}: does not parse: {str(problem).splitlines()[0]}")
                continue
            errors = schema_errors(validators[kind], document)
            result.check(not errors, f"{path.relative_to(repo)}: not a valid {kind} file: {'; '.join(errors[:5])}")
            if not errors:
                print(f"  valid {kind} file: {path.relative_to(repo)}")


# ----------------------------------------------------------------------------- 3. agreement with the binary

RULE_TOP_KEYS = None  # filled from the rule schema


def classify(path):
    """'rule', 'scenario' or 'other', by the top-level keys."""
    document = None
    for loader in (BackreliefLoader, LenientLoader):
        try:
            document = load_yaml(path, loader)
            break
        except yaml.YAMLError:
            continue
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
        return "scenario" if re.search(r"^scenarios\s*:", text, re.M) else "rule"
    if not isinstance(document, dict):
        return "other"
    if "scenarios" in document:
        return "scenario"
    if any(key in RULE_TOP_KEYS and key != "version" for key in document):
        return "rule"
    return "other"


def case_args(path, cli):
    """The arguments of the case the file belongs to, one per line, or []."""
    relative = path.relative_to(cli)
    args_file = cli / relative.parts[0] / "args"
    if args_file.is_file():
        return args_file.read_text(encoding="utf-8").splitlines()
    return []


def loading_options(args, path):
    """--no-default-rules and the other --rules files of the case, as its args give them."""
    options = ["--no-default-rules"] if "--no-default-rules" in args else []
    for i, arg in enumerate(args[:-1]):
        if arg in ("-r", "--rules") and args[i + 1] != path.name and (path.parent / args[i + 1]).exists():
            options += ["--rules", args[i + 1]]
    return options


def environment(scratch):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKRELIEF")}
    env.update(
        HOME=str(scratch / "home"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_CACHE_HOME=str(scratch / "cache"),
        LC_ALL="C.UTF-8",
        NO_COLOR="1",
    )
    return env


def run_rules_check(binary, path, options, env):
    command = [binary, "rules", "check", "--format", "json", "--no-user-rules", "--no-cache", *options, path.name]
    run = subprocess.run(command, cwd=path.parent, env=env, capture_output=True, text=True, timeout=120)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None, f"no JSON from {' '.join(command[1:])}: {run.stderr.strip()[:200]}"
    errors = [e for e in report.get("errors", []) if Path(e.get("file", "")).name == path.name]
    other = [e for e in report.get("errors", []) if Path(e.get("file", "")).name != path.name]
    return (report.get("valid") is True, errors, other), None


ERROR_LINE = re.compile(r"^backrelief: error: (.+?):(\d+):(\d+): (.*)$")


def run_test(binary, path, options, env):
    command = [binary, "test", "--no-user-rules", "--no-cache", *options, path.name]
    run = subprocess.run(command, cwd=path.parent, env=env, capture_output=True, text=True, timeout=300)
    errors, other = [], []
    for line in run.stderr.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            entry = {"file": match.group(1), "line": int(match.group(2)), "message": match.group(4)}
            (errors if Path(match.group(1)).name == path.name else other).append(entry)
        elif line.startswith("backrelief: error:"):
            other.append({"file": "", "line": 0, "message": line})
    return (not errors and not other, errors, other), None


def check_agreement(binary, repo, validators, result):
    cli = repo / "tests/cli"
    files = sorted(p for p in cli.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    categories = {}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for sub in ("home", "config", "cache"):
            (scratch / sub).mkdir()
        env = environment(scratch)
        for path in files:
            name = str(path.relative_to(repo))
            kind = classify(path)
            if kind == "other":
                categories.setdefault("other (neither a rule file nor a scenario file, not checked)", []).append(name)
                continue
            args = case_args(path, cli)
            options = loading_options(args, path)
            runner = run_rules_check if kind == "rule" else run_test
            outcome, problem = runner(binary, path, options, env)
            if outcome is None:
                result.check(False, f"{name}: {problem}")
                continue
            valid, errors, other = outcome
            if other and not errors:
                # The file itself is fine, but what it was loaded with is not: not judged.
                categories.setdefault(f"skipped {kind} file (errors only elsewhere: cannot be judged)", []).append(
                    f"{name}: {other[0]['message'][:100]}"
                )
                continue
            try:
                document = load_yaml(path)
                parse_error = None
            except yaml.YAMLError as error:
                document, parse_error = None, str(error).splitlines()[0]
            schema_errs = ["does not parse: " + parse_error] if parse_error else schema_errors(validators[kind], document)
            structural = [e for e in errors if STRUCTURAL.search(e["message"])]
            if valid and not errors:
                result.check(not schema_errs, f"{name}: the binary accepts this {kind} file, the schema refuses it: "
                             f"{'; '.join(schema_errs[:5])}")
                categories.setdefault(f"valid {kind} file, schema accepts", []).append(name)
            elif structural:
                result.check(bool(schema_errs), f"{name}: the binary refuses this {kind} file ("
                             f"{structural[0]['line']}: {structural[0]['message']}), the schema accepts it")
                categories.setdefault(f"{kind} file with structural errors, schema refuses", []).append(
                    f"{name} ({len(structural)} structural of {len(errors)})"
                )
            else:
                categories.setdefault(f"{kind} file with errors of meaning only, not judged", []).append(
                    f"{name}: {errors[0]['message'][:100]}"
                )
    for category, names in categories.items():
        print(f"  {category}:")
        for entry in names:
            print(f"    {entry}")


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary = str(Path(argv[1]).resolve())
    repo = Path(argv[2]).resolve()
    result = Failures()
    schemas, validators = {}, {}
    for kind, relative in (("rule", RULE_SCHEMA), ("scenario", SCENARIO_SCHEMA)):
        with open(repo / relative, encoding="utf-8") as stream:
            schemas[kind] = json.load(stream)
        try:
            jsonschema.Draft7Validator.check_schema(schemas[kind])
            result.check(True, "")
        except jsonschema.SchemaError as error:
            result.check(False, f"{relative}: not a valid draft-07 schema: {error.message}")
            return 1
        validators[kind] = jsonschema.Draft7Validator(schemas[kind])
    global RULE_TOP_KEYS
    RULE_TOP_KEYS = set(schemas["rule"]["properties"])

    print("drift against the parser's key tables:")
    check_drift(repo, schemas, result)
    print("shipped files:")
    check_shipped(repo, validators, result)
    print("agreement with the binary on tests/cli:")
    if not os.access(binary, os.X_OK):
        result.check(False, f"{binary}: not an executable")
    else:
        check_agreement(binary, repo, validators, result)
    print(f"{result.passed} schema checks passed, {result.failures} failures")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
