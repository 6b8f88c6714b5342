#!/usr/bin/env python3
"""Validate backrelief's JSON output against the JSON Schemas in schema/.

Usage: validate_outputs.py BINARY REPO_DIR

1. Checks each schema under REPO_DIR/schema with Draft202012Validator.check_schema.
2. Validates every golden output REPO_DIR/tests/cli/*/stdout that is JSON, choosing the
   schema from the case's `args` file (analyze -> analyze; --batch -> each line against
   batch-line; recommend/ask -> recommend).
3. Runs BINARY on a sample of batch lines (plain, --trace, --why-not deep-tissue) and of
   analyze descriptions, and validates everything it prints.
4. Runs the other commands that print JSON (techniques, rules list, rules show, values, config,
   test) on a set of cases, with rule, config and scenario files it writes to a temporary
   directory; validates each document against its schema, checks what a schema cannot say
   (counts that must add up, disabled rules last, the same values as the text output), and
   checks that the `-f tsv` output of techniques, rules list, config and test has its header
   and the same number of tab-separated fields on every line, one line per item of the JSON.

5. Runs `rules check` with `--format json` (check.schema.json) and `--format sarif`, the latter
   against sarif-schema-2.1.0.json beside this script: OASIS's SARIF 2.1.0 schema (errata01, draft
   4), copied unchanged from github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/.

Golden outputs of these commands are validated when their `args` ask for JSON.

Prints one line per failure (file or command, JSON path, message) and a final count of valid
documents; exits 1 on any failure. Needs only the standard library and jsonschema (4.10 or
later; RefResolver is deprecated in later versions but still works there).
"""

import csv
import io
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=DeprecationWarning)

import jsonschema  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    RefResolver = jsonschema.RefResolver
Draft202012Validator = jsonschema.Draft202012Validator

SCHEMA_FILES = {
    "recommend": "recommend.schema.json",
    "analyze": "analyze.schema.json",
    "batch-error": "batch-error.schema.json",
    "batch-line": "batch-line.schema.json",
    "analyze-batch-line": "analyze-batch-line.schema.json",
    "techniques": "techniques.schema.json",
    "rules": "rules.schema.json",
    "values": "values.schema.json",
    "config": "config.schema.json",
    "test": "test.schema.json",
    "check": "check.schema.json",
    "diff": "diff.schema.json",
}

# Fields of the recommend document in the order they are written (schemas cannot say "in this
# order"; this script checks it). `line` comes first in a batch. backrelief(1), OUTPUT, JSON
# lists `trace` before `why_not`, but the program writes `why_not` first; this follows the
# program until one of the two is changed.
RECOMMEND_ORDER = ["line", "id", "meta", "schema", "input", "facts", "referral", "check_first", "suggestions",
                   "excluded", "advice", "screening", "for_therapist", "disclaimer", "why_not", "trace"]
ANALYZE_ORDER = ["line", "id", "meta", "schema", "description", "facts", "numbers"]
# The top-level members of the other commands' documents, in the order they are written.
ORDERS = {
    "analyze": ANALYZE_ORDER,
    "analyze-batch-line": ANALYZE_ORDER,
    "techniques": ["schema", "techniques"],
    "rules": ["schema", "rules", "word_sets"],
    "values": ["schema", "kind", "values"],
    "config": ["schema", "config_file", "settings", "rules"],
    "test": ["schema", "scenarios", "passed", "failed", "coverage"],
    "check": ["schema", "valid", "errors", "warnings", "counts"],
    "diff": ["schema", "profiles", "changed", "changes"],
}
# The header line of each command's TSV output.
TSV_HEADERS = {
    "techniques": ["id", "name", "pressure", "summary"],
    "rules": ["id", "defined_at", "effects"],
    "config": ["setting", "value", "origin"],
    "test": ["result", "at", "name"],
}
VALUE_KINDS = ["technique", "condition", "goal", "area", "pressure", "format", "color", "rule", "question"]


class Checker:
    def __init__(self, repo):
        self.columns = documented_columns(repo)
        self.repo = Path(repo)
        self.failures = 0
        self.valid = 0
        self.schemas = {}
        self.validators = {}

    def fail(self, where, path, message):
        self.failures += 1
        print(f"FAIL {where}: {path}: {message}")

    # --- schemas -------------------------------------------------------------------------------

    def load_schemas(self):
        schema_dir = self.repo / "schema"
        for name, file_name in SCHEMA_FILES.items():
            path = schema_dir / file_name
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                self.fail(str(path), "$", f"cannot read schema: {error}")
                continue
            try:
                Draft202012Validator.check_schema(schema)
            except jsonschema.exceptions.SchemaError as error:
                self.fail(str(path), json_path(error.absolute_path), f"invalid schema: {error.message}")
                continue
            if not schema.get("$id", "").endswith("/" + file_name):
                self.fail(str(path), "$id", f"$id {schema.get('$id')!r} does not end in /{file_name}")
            self.schemas[name] = schema
        if len(self.schemas) != len(SCHEMA_FILES):
            return False
        store = {schema["$id"]: schema for schema in self.schemas.values()}
        for name, schema in self.schemas.items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                resolver = RefResolver.from_schema(schema, store=store)
                self.validators[name] = Draft202012Validator(schema, resolver=resolver)
        return True

    # --- one document --------------------------------------------------------------------------

    def errors(self, name, document):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return sorted(self.validators[name].iter_errors(document), key=lambda e: list(e.absolute_path))

    def check_document(self, where, name, document):
        """Validate one parsed document against schema `name`; report and count."""
        errors = self.errors(name, document)
        if errors and name.endswith("batch-line") and isinstance(document, dict):
            # oneOf only says "not valid under any"; show what the intended branch found wrong.
            branch = "batch-error" if "error" in document else "recommend"
            if name == "analyze-batch-line" and branch == "recommend":
                branch = "analyze"
            detail = self.errors(branch, document)
            if branch == "recommend" and "line" not in document:
                self.fail(where, "$", "a batch result has no 'line'")
            for error in detail:
                self.fail(where, json_path(error.absolute_path), f"({branch}) {error.message}")
            if not detail and "line" in document:
                for error in errors:
                    self.fail(where, json_path(error.absolute_path), error.message)
        else:
            for error in errors:
                self.fail(where, json_path(error.absolute_path), error.message)
        ok = not errors
        if isinstance(document, dict):
            order = ORDERS.get(name, RECOMMEND_ORDER)
            if not name.endswith("batch-line") or "error" not in document:
                keys = [key for key in document if key in order]
                if keys != sorted(keys, key=order.index):
                    ok = False
                    self.fail(where, "$", f"members out of the documented order: {keys}")
        if ok:
            self.valid += 1
        return ok

    def check_text(self, where, name, text):
        try:
            document = json.loads(text)
        except ValueError as error:
            self.fail(where, "$", f"not JSON: {error}")
            return None
        self.check_document(where, name, document)
        return document

    def check_batch_output(self, where, stdout, expected_lines=None, name="batch-line"):
        """Each non-empty line against `name`; optionally the `line` numbers expected."""
        seen = []
        for number, text in enumerate(stdout.split("\n"), 1):
            if not text.strip():
                continue
            document = self.check_text(f"{where} (output line {number})", name, text)
            if isinstance(document, dict):
                seen.append(document.get("line"))
        if expected_lines is not None and seen != expected_lines:
            self.fail(where, "$.line", f"line numbers {seen} do not match the non-blank input lines {expected_lines}")
        return seen

    def check_rows(self, where, text, kind, format, header=True):
        """A batch's CSV or TSV rows: the documented header, every column in every row, a known
        outcome, and an error message exactly when the outcome is error. Returns the rows as
        dicts by column name."""
        columns = self.columns.get(kind)
        if not columns:
            self.fail(where, "$", f"schema/README.md documents no columns for {kind}")
            return []
        try:
            rows = parse_rows(text, format)
        except csv.Error as error:
            self.fail(where, "$", f"not RFC 4180 CSV: {error}")
            return []
        if header:
            if not rows or rows[0] != columns:
                self.fail(where, "$", f"header {rows[0] if rows else None} is not the documented {columns}")
                return []
            rows = rows[1:]
        records = []
        for number, row in enumerate(rows, 2 if header else 1):
            if len(row) != len(columns):
                self.fail(where, f"row {number}", f"{len(row)} fields, {len(columns)} columns documented")
                continue
            record = dict(zip(columns, row))
            if record["outcome"] not in OUTCOMES[kind]:
                self.fail(where, f"row {number}", f"unknown outcome {record['outcome']!r}")
            elif (record["outcome"] == "error") != (record["error"] != ""):
                self.fail(where, f"row {number}", "an error message without the outcome error, or the reverse")
            else:
                self.valid += 1
            records.append(record)
        return records

    # --- goldens -------------------------------------------------------------------------------

    def check_goldens(self):
        for case in sorted((self.repo / "tests" / "cli").glob("*/")):
            stdout_path, args_path = case / "stdout", case / "args"
            if not stdout_path.is_file() or not args_path.is_file():
                continue
            stdout = stdout_path.read_text(encoding="utf-8", errors="replace")
            if not stdout.strip():
                continue
            args = args_path.read_text(encoding="utf-8").split("\n")
            if args and args[-1] == "":
                args.pop()
            kind, wants_json = classify(args)
            where = str(stdout_path.relative_to(self.repo))
            if kind in ("batch", "analyze-batch"):
                if wants_json:
                    self.check_batch_output(where, stdout,
                                            name="batch-line" if kind == "batch" else "analyze-batch-line")
                else:
                    self.check_rows(where, stdout, kind, row_format(args), "--no-header" not in args)
                continue
            if kind in ORDERS and kind != "analyze":
                # The other commands print JSON only when asked to.
                if wants_json:
                    self.check_text(where, kind, stdout)
                continue
            if kind not in ("analyze", "recommend"):
                continue
            try:
                document = json.loads(stdout)
            except ValueError as error:
                if wants_json:
                    self.fail(where, "$", f"arguments ask for JSON but the output is not JSON: {error}")
                continue
            self.check_document(where, kind, document)

    # --- the binary on a sample ----------------------------------------------------------------

    def run(self, binary, args, stdin=b"", cwd=None, env_extra=None, home_files=None):
        """Run in a fresh HOME. `home_files` (path under HOME -> text) are written first;
        `env_extra` adds variables (a value of None removes one); "{home}" in either is HOME."""
        with tempfile.TemporaryDirectory(prefix="backrelief-schema-") as home:
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "HOME": home,
                "XDG_CONFIG_HOME": os.path.join(home, "config"),
                "XDG_CACHE_HOME": os.path.join(home, "cache"),
                "NO_COLOR": "1",
                "TERM": "dumb",
                "LC_ALL": "C.UTF-8",
            }
            for name, text in (home_files or {}).items():
                path = Path(home) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            for name, value in (env_extra or {}).items():
                if value is None:
                    env.pop(name, None)
                else:
                    env[name] = value.replace("{home}", home)
            args = [arg.replace("{home}", home) for arg in args]
            try:
                return subprocess.run([binary] + args, input=stdin, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=env, cwd=cwd, timeout=300)
            except (OSError, subprocess.TimeoutExpired) as error:
                return subprocess.CompletedProcess([binary] + args, -1, b"", str(error).encode())

    def check_sample(self, binary):
        lines = batch_sample()
        data = b"".join(line + b"\n" for line in lines)
        expected = [n for n, line in enumerate(lines, 1) if line.strip()]
        has_bad = any(line.strip() and not is_good_line(line) for line in lines)
        for extra in ([], ["--trace"], ["--why-not", "deep-tissue"], ["--why-not", "swedish", "--trace"],
                      ["--top", "2", "--why-not", "myofascial"]):
            args = ["recommend", "--batch"] + extra
            where = "$ " + shlex.join(["backrelief"] + args) + " <sample"
            result = self.run(binary, args, data)
            status = 1 if has_bad else 0
            if result.returncode != status:
                self.fail(where, "$", f"exit status {result.returncode}, expected {status}: "
                          f"{result.stderr.decode(errors='replace').strip()[:300]}")
            self.check_batch_output(where, result.stdout.decode("utf-8", errors="replace"), expected)

        # Single documents, in each way of asking for JSON.
        singles = [
            ["recommend", "--json", "-p", "low"],
            ["recommend", "-f", "json", "--trace", "-p", "firm", "-g", "mobility", "-a", "neck"],
            ["recommend", "--format", "json", "--why-not", "nmt", "--", "numb between my legs and I can't control my bladder"],
            ["recommend", "--json", "--avoid", "deep-tissue", "--why-not", "deep-tissue", "tight upper back"],
            ["recommend", "--json", "-p", "firm", "-c", "blood-thinners", "--why-not", "deep-tissue"],
            ["recommend", "--json", "--top", "1", "--age", "70", "--duration", "2y", "--intensity", "6",
             "my lower back aches and I keep needing to pee"],
            ["recommend", "--json", "--answer", "fever=yes", "--answer", "saddle-numbness=no", "tight lower back"],
        ]
        for args in singles:
            self.check_run(binary, args, "recommend")
        for answers in (b'{"saddle-numbness": "not sure", "pressure": "firm"}\n',
                        b'{"fever": "no", "chest-pain": "no", "pressure": "low"}\n'):
            self.check_run(binary, ["ask", "--answers", "-", "--json"], "recommend", answers)

        wordnet = self.repo / "tests" / "cli" / "analyze-wordnet-member-json" / "wordnet.yaml"
        for description in analyze_sample():
            self.check_run(binary, ["analyze", "--json", "--", description], "analyze")
        if wordnet.is_file():
            self.check_run(binary, ["analyze", "--format", "json", "--rules", str(wordnet), "--",
                                    "my rump has gone numb since the weekend and my lower back aches"], "analyze")

    def check_row_sample(self, binary):
        """The batch sample as rows, CSV and TSV, against the same batch's JSON lines: each row
        says what its JSON answer says."""
        lines = batch_sample()
        data = b"".join(line + b"\n" for line in lines)
        for command, kind in (("recommend", "batch"), ("analyze", "analyze-batch")):
            answers = self.run(binary, [command, "--batch"], data).stdout.decode("utf-8", errors="replace")
            documents = [json.loads(text) for text in answers.split("\n") if text.strip()]
            for format in ("csv", "tsv"):
                args = [command, "--batch", "--format", format]
                where = "$ " + shlex.join(["backrelief"] + args) + " <sample"
                text = self.run(binary, args, data).stdout.decode("utf-8", errors="replace")
                records = self.check_rows(where, text, kind, format)
                if len(records) != len(documents):
                    self.fail(where, "$", f"{len(records)} rows for {len(documents)} JSON lines")
                    continue
                for record, document in zip(records, documents):
                    for problem in row_differences(kind, record, document, format):
                        self.fail(where, f"line {document['line']}", problem)

    def check_run(self, binary, args, name, stdin=b""):
        where = "$ " + shlex.join(["backrelief"] + args)
        result = self.run(binary, args, stdin)
        if not result.stdout.strip():
            self.fail(where, "$", f"no output (status {result.returncode}): "
                      f"{result.stderr.decode(errors='replace').strip()[:300]}")
            return
        self.check_text(where, name, result.stdout.decode("utf-8", errors="replace"))

    # --- the other commands --------------------------------------------------------------------

    def check_commands(self, binary):
        """techniques, rules list/show, values, config and test: JSON documents and TSV tables."""
        with tempfile.TemporaryDirectory(prefix="backrelief-schema-files-") as files:
            files = Path(files)
            for name, text in SAMPLE_FILES.items():
                (files / name).write_text(text, encoding="utf-8")
            cli = self.repo / "tests" / "cli"
            scenarios = self.repo / "tests" / "scenarios"
            wordnet = cli / "analyze-wordnet-member-json" / "wordnet.yaml"
            extra, disable, hot = str(files / "extra.yaml"), str(files / "disable.yaml"), str(files / "hot-stone.yaml")

            # techniques: every one, then one by id, by alias and in another case.
            self.check_command(binary, ["techniques", "--json"], "techniques")
            self.check_command(binary, ["techniques", "-f", "json", "nmt"], "techniques", only="neuromuscular")
            self.check_command(binary, ["techniques", "--format", "json", "Swedish"], "techniques", only="swedish")
            self.check_command(binary, ["techniques", "--json", "hot-stone", "-r", hot], "techniques", only="hot-stone")
            self.check_same(binary, ["techniques", "--json"], ["techniques", "--format=json"])

            # rules list and rules show, with rules of the sample files (no `when`, no `source`,
            # a routine referral, a replaced rule, two disabled rules) and a WordNet word set.
            self.check_command(binary, ["rules", "list", "--json"], "rules", disabled=0)
            self.check_command(binary, ["rules", "list", "--json", "-r", disable], "rules", disabled=2)
            self.check_command(binary, ["rules", "list", "-f", "json", "-r", extra, "-r", hot], "rules", disabled=0)
            if (cli / "rules-list-local" / "local.yaml").is_file():
                self.check_command(binary, ["rules", "list", "--json", "--no-default-rules", "--rules", "local.yaml"],
                                   "rules", cwd=cli / "rules-list-local", disabled=1)
            for rule in ("fever-needs-a-doctor", "blood-thinners-no-deep-pressure", "firm-pressure-favours-deep-tissue"):
                self.check_command(binary, ["rules", "show", "--json", rule], "rules", only=rule)
            for rule in ("always-drink-water", "half-point-for-swedish"):
                self.check_command(binary, ["rules", "show", "-f", "json", rule, "-r", extra], "rules", only=rule)
            self.check_command(binary, ["rules", "show", "--json", "firm-pressure-favours-deep-tissue", "-r", disable],
                               "rules", only="firm-pressure-favours-deep-tissue")
            self.check_command(binary, ["rules", "show", "--json", "clause-breaks"], "rules", only="clause-breaks")
            self.check_command(binary, ["rules", "show", "--json", "my-words", "-r", extra], "rules", only="my-words")
            if wordnet.is_file():
                self.check_command(binary, ["rules", "show", "--json", "saddle-place", "--rules", str(wordnet)], "rules",
                                   only="saddle-place")
            self.check_same(binary, ["rules", "list", "--json"], ["rules", "list", "-f", "json"])

            # values: every kind, and with rules of one's own.
            for kind in VALUE_KINDS:
                self.check_command(binary, ["values", "--json", kind], "values")
            self.check_command(binary, ["values", "-f", "json", "rule", "-r", disable], "values")
            self.check_command(binary, ["values", "--json", "technique", "-r", hot], "values")

            # config: with and without options, each way of choosing a config file, none at all.
            user_config = {"config/backrelief/config.yaml": SAMPLE_FILES["config.yaml"]}
            config_cases = [
                (["config", "--json"], {}, None),
                (["config", "--json", "-p", "low"], {}, None),
                (["config", "--json", "-c", "blood-thinners", "-c", "osteoporosis", "-g", "mobility", "--avoid", "nmt"], {}, None),
                (["config", "-f", "json", "--config", str(files / "config.yaml")], {}, None),
                (["config", "--json", "--config", str(files / "config.yaml"), "-p", "firm", "-c", "osteoporosis",
                  "--age", "70", "--duration", "1.5y", "--top", "3", "--color", "always"], {}, None),
                (["config", "--json"], {}, user_config),
                (["config", "--json", "--no-config"], {}, user_config),
                (["config", "--json"], {"BACKRELIEF_CONFIG": str(files / "config.yaml"), "BACKRELIEF_RULES": extra,
                                        "NO_COLOR": None}, None),
                (["config", "--json", "-r", hot], {"HOME": None, "XDG_CONFIG_HOME": None}, None),
                (["config", "--json", "-r", disable], {"BACKRELIEF_RULES": extra},
                 {"config/backrelief/rules.d/hot-stone.yaml": SAMPLE_FILES["hot-stone.yaml"]}),
            ]
            for args, env, home_files in config_cases:
                self.check_command(binary, args, "config", env_extra=env, home_files=home_files)
            if (cli / "rules-list-local" / "local.yaml").is_file():
                self.check_command(binary, ["config", "--json", "--no-default-rules", "--rules", "local.yaml"], "config",
                                   cwd=cli / "rules-list-local")

            # test: passing scenarios, failing ones (status 1), incomplete coverage, none at all.
            self.check_command(binary, ["test", "--json", str(scenarios)], "test")
            self.check_command(binary, ["test", "--json", str(files / "failing-scenarios.yaml")], "test", status=1)
            self.check_command(binary, ["test", "-f", "json", "--require-coverage", str(scenarios / "red-flags.yaml")],
                               "test", status=1)
            self.check_command(binary, ["test", "--json", str(files / "no-scenarios.yaml")], "test")
            if (cli / "test-scenarios" / "scenarios.yaml").is_file():
                self.check_command(binary, ["test", "--json", "--no-default-rules", "--rules", "local.yaml",
                                            "--require-coverage", "scenarios.yaml"], "test", status=1,
                                   cwd=cli / "test-scenarios")

            # rules check: valid rules, broken files (every problem, status 1), --strict warnings; as
            # JSON against check.schema.json, and as SARIF against the SARIF 2.1.0 schema.
            broken = files / "broken.yaml"
            broken.write_text("version: 1\nrules:\n  - id: x\n    when: {age: {above: 200}}\n    advice: a\n"
                              "    because: b\n  - id: y\n    exclude: [swedish, Swedish]\n    because: c\n",
                              encoding="utf-8")
            check_cases = [([], 0, True), (["-r", str(broken)], 1, False), ([str(broken)], 1, False),
                           (["--strict", "-r", hot], 1, True)]
            for extra, status, valid in check_cases:
                document = self.check_command(binary, ["rules", "check", "--format", "json"] + extra, "check",
                                              status=status)
                if isinstance(document, dict) and document.get("valid") is not valid:
                    self.fail("$ backrelief rules check --format json " + shlex.join(extra), "$.valid",
                              f"{document.get('valid')}, expected {valid}")
                self.check_sarif(binary, ["rules", "check", "--format", "sarif"] + extra, status, document)

            # TSV: a header, then rows of as many fields, one per item of the JSON document.
            tsv_cases = [
                (["techniques"], {}),
                (["techniques", "nmt"], {}),
                (["techniques", "-r", hot], {}),
                (["rules", "list"], {}),
                (["rules", "list", "-r", disable], {}),
                (["config"], {}),
                (["config", "--config", str(files / "config.yaml"), "-c", "osteoporosis"], {}),
                (["config", "--no-config"], {}),
                (["test", str(scenarios)], {}),
                (["test", str(files / "failing-scenarios.yaml")], {"status": 1}),
            ]
            for args, expect in tsv_cases:
                self.check_tsv(binary, args, **expect)

    def check_sarif(self, binary, args, status, report):
        """SARIF 2.1.0 output, against the vendored schema (draft 4): one result per error and
        warning of the same check's JSON report, at the same places."""
        where = "$ " + shlex.join(["backrelief"] + args)
        result = self.run(binary, args)
        if result.returncode != status:
            self.fail(where, "$", f"exit status {result.returncode}, expected {status}")
        try:
            document = json.loads(result.stdout)
        except ValueError as error:
            self.fail(where, "$", f"not JSON: {error}")
            return
        schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(document))
        for error in errors:
            self.fail(where, json_path(error.absolute_path), f"(SARIF 2.1.0) {error.message}")
        if not isinstance(report, dict):
            return
        results = document["runs"][0]["results"]
        expected = [(d["line"], d["message"], level) for level, key in (("error", "errors"), ("warning", "warnings"))
                    for d in report[key]]
        found = [(r["locations"][0]["physicalLocation"].get("region", {}).get("startLine") if "locations" in r
                  else None, r["message"]["text"], r["level"]) for r in results]
        if found != expected:
            self.fail(where, "$.runs[0].results", f"{found[:3]}... differ from the JSON report's {expected[:3]}...")
        elif not errors:
            self.valid += 1

    def check_command(self, binary, args, name, status=0, cwd=None, env_extra=None, home_files=None, **expect):
        """Run one command that prints a JSON document; validate it and check what a schema cannot."""
        where = "$ " + shlex.join(["backrelief"] + args)
        result = self.run(binary, args, cwd=cwd, env_extra=env_extra, home_files=home_files)
        stderr = result.stderr.decode(errors="replace").strip()[:300]
        if result.returncode != status:
            self.fail(where, "$", f"exit status {result.returncode}, expected {status}: {stderr}")
        if not result.stdout.strip():
            self.fail(where, "$", f"no output (status {result.returncode}): {stderr}")
            return None
        document = self.check_text(where, name, result.stdout.decode("utf-8", errors="replace"))
        if isinstance(document, dict):
            for problem in semantic_problems(name, document, args, expect):
                self.fail(where, "$", problem)
            if name == "values":
                # The same values as the text output, in the same order.
                text_args = [arg for arg in args if arg not in ("--json", "-f", "json")]
                text = self.run(binary, text_args).stdout.decode("utf-8", errors="replace")
                if document.get("values") != text.split("\n")[:-1]:
                    self.fail(where, "$.values", f"not the lines of `{shlex.join(['backrelief'] + text_args)}`")
        return document

    def check_same(self, binary, args, other_args):
        """Two ways of asking for JSON give the same bytes."""
        first, second = self.run(binary, args).stdout, self.run(binary, other_args).stdout
        if first != second:
            self.fail("$ " + shlex.join(["backrelief"] + other_args), "$",
                      f"output differs from `{shlex.join(['backrelief'] + args)}`")

    def check_tsv(self, binary, args, status=0):
        kind = args[0]
        command = 2 if kind == "rules" else 1  # the options go after `rules list`
        tsv_args = args[:command] + ["-f", "tsv"] + args[command:]
        where = "$ " + shlex.join(["backrelief"] + tsv_args)
        result = self.run(binary, tsv_args)
        if result.returncode != status:
            self.fail(where, "$", f"exit status {result.returncode}, expected {status}: "
                      f"{result.stderr.decode(errors='replace').strip()[:300]}")
        text = result.stdout.decode("utf-8", errors="replace")
        if not text:
            self.fail(where, "$", "no output")
            return
        if not text.endswith("\n"):
            self.fail(where, "$", "TSV output does not end with a newline")
            return
        lines = text[:-1].split("\n")
        header = TSV_HEADERS[kind]
        if lines[0].split("\t") != header:
            self.fail(where, "line 1", f"header {lines[0]!r}, expected {chr(9).join(header)!r}")
            return
        for number, line in enumerate(lines[1:], 2):
            fields = line.split("\t")
            if len(fields) != len(header):
                self.fail(where, f"line {number}", f"{len(fields)} tab-separated fields, expected {len(header)}: {line!r}")
            elif any(field == "" for field in fields):
                self.fail(where, f"line {number}", f"an empty field: {line!r}")
        # One row per item of the JSON document of the same command.
        json_args = args[:command] + ["--json"] + args[command:]
        document = self.run(binary, json_args).stdout
        try:
            document = json.loads(document)
        except ValueError:
            self.fail(where, "$", f"`{shlex.join(['backrelief'] + json_args)}` does not print JSON to compare with")
            return
        if kind == "techniques":
            expected = len(document["techniques"])
        elif kind == "rules":
            expected = len(document["rules"])
        elif kind == "test":
            expected = len(document["scenarios"])
        else:
            expected = 1 + sum(len(setting["values"]) for setting in document["settings"]) + len(document["rules"])
        if len(lines) - 1 != expected:
            self.fail(where, "$", f"{len(lines) - 1} rows, but the JSON document has {expected} items")
        else:
            self.valid += 1


def semantic_problems(name, document, args, expect):
    """What the schemas cannot say: counts that add up, orders, the item a command was asked for."""
    problems = []
    try:
        if name == "techniques":
            techniques = document["techniques"]
            if "only" in expect:
                if [t["id"] for t in techniques] != [expect["only"]]:
                    problems.append(f"expected exactly technique {expect['only']!r}, got {[t['id'] for t in techniques]}")
            elif not techniques:
                problems.append("no techniques listed")
            ids = [t["id"] for t in techniques]
            if len(set(ids)) != len(ids):
                problems.append(f"a technique is listed twice: {ids}")
        elif name == "rules":
            rules, sets = document["rules"], document["word_sets"]
            if args[1] == "show":
                found = [r["id"] for r in rules] + [s["id"] for s in sets]
                if found != [expect["only"]]:
                    problems.append(f"expected exactly {expect['only']!r}, got {found}")
                if any(r["disabled_at"] is not None for r in rules):
                    problems.append("rules show shows a disabled rule")
            else:
                disabled = [r["disabled_at"] is not None for r in rules]
                if disabled != sorted(disabled):
                    problems.append("a disabled rule comes before a rule that is not disabled")
                if "disabled" in expect and sum(disabled) != expect["disabled"]:
                    problems.append(f"{sum(disabled)} disabled rules, expected {expect['disabled']}")
                if sets:
                    problems.append("rules list fills word_sets")
            ids = [r["id"] for r in rules]
            if len(set(ids)) != len(ids):
                problems.append("a rule is listed twice")
        elif name == "values":
            kind = next(arg for arg in args[1:] if arg in VALUE_KINDS)
            if document["kind"] != kind:
                problems.append(f"kind {document['kind']!r}, asked for {kind!r}")
            if not document["values"]:
                problems.append("no values")
        elif name == "config":
            settings = {s["name"]: s["values"] for s in document["settings"]}
            for flag, setting in (("-p", "pressure"), ("-c", "conditions"), ("-g", "goals"), ("--avoid", "avoid"),
                                  ("--age", "age"), ("--duration", "duration"), ("--top", "top"), ("--color", "color")):
                given = [args[i + 1] for i, arg in enumerate(args[:-1]) if arg == flag]
                shown = [v["value"] for v in settings.get(setting, []) if v["origin"].startswith("flag ")]
                if shown != given:
                    problems.append(f"{setting}: the flags gave {given}, the document shows {shown}")
            rules = [r["origin"] for r in document["rules"]]
            order = ["default", "user rules directory", "environment BACKRELIEF_RULES", "flag --rules"]
            if rules != sorted(rules, key=order.index):
                problems.append(f"rule paths out of load order: {rules}")
            if ("--no-default-rules" in args) == ("default" in rules):
                problems.append(f"rule paths {rules} do not follow --no-default-rules")
        elif name == "test":
            scenarios, coverage = document["scenarios"], document["coverage"]
            passed = sum(1 for s in scenarios if s["passed"])
            if (document["passed"], document["failed"]) != (passed, len(scenarios) - passed):
                problems.append(f"passed {document['passed']} and failed {document['failed']} do not count "
                                f"the {len(scenarios)} scenarios ({passed} passed)")
            if coverage["fired"] + len(coverage["never_fired"]) != coverage["rules"]:
                problems.append("coverage: fired and never_fired do not add up to rules")
    except (KeyError, TypeError, StopIteration, AttributeError) as error:
        problems.append(f"cannot check the document: {error!r}")
    return problems


def json_path(path):
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def classify(args):
    """(kind, wants_json) from a case's arguments; only options before `--` count."""
    if not args:
        return None, False
    options = args[: args.index("--")] if "--" in args else args
    command = options[0]
    if command == "rules" and len(options) > 1 and options[1] in ("list", "show"):
        command = "rules"
    elif command == "rules" and len(options) > 1 and options[1] in ("check", "diff"):
        command = options[1]
    elif command == "rules":
        return None, False
    wants_json = False
    other_format = False
    for i, arg in enumerate(options):
        value = None
        if arg == "--json":
            wants_json = True
        elif arg in ("-f", "--format") and i + 1 < len(options):
            value = options[i + 1]
        elif arg.startswith("--format="):
            value = arg[len("--format="):]
        if value is not None:
            wants_json = value == "json"
            other_format = value != "json"
    if command == "analyze" and "--batch" in options:
        return "analyze-batch", not other_format
    if command == "analyze":
        return "analyze", wants_json
    if command == "recommend" and "--batch" in options:
        # A batch writes JSON lines unless another format is asked for.
        return "batch", not other_format
    if command in ("recommend", "ask"):
        return "recommend", wants_json
    if command in ("techniques", "rules", "values", "config", "test", "check", "diff"):
        return command, wants_json
    return None, False


def row_format(args):
    """"csv" or "tsv" from a case's arguments."""
    for i, arg in enumerate(args):
        if arg in ("-f", "--format") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--format="):
            return arg[len("--format="):]
    return "tsv"  # a config file's format


def parse_rows(text, format):
    """The rows of CSV (RFC 4180, as Python's csv reads it) or TSV output."""
    if format == "csv":
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return [line.split("\t") for line in text.split("\n") if line != ""]


def documented_columns(repo):
    """The columns of each batch-row output, from the tables of schema/README.md."""
    columns = {}
    heading = None
    for line in (Path(repo) / "schema" / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            heading = "batch" if "recommend" in line else "analyze-batch" if "analyze" in line else None
            continue
        cell = re.match(r"^\| `(\w+)` \|", line)
        if heading and cell:
            columns.setdefault(heading, []).append(cell.group(1))
    return columns


def row_differences(kind, record, document, format):
    """What a batch row says differently from its JSON line."""
    def text(value):
        value = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        return value.replace("\t", " ").replace("\n", " ").replace("\r", " ") if format == "tsv" else value
    expected = {"line": str(document["line"]), "id": text(document.get("id", "")),
                "meta": text(document["meta"]) if "meta" in document else ""}
    if "error" in document:
        expected.update(outcome="error", error=text(document["error"]))
    elif kind == "batch":
        referral = document["referral"]
        suggestions = [s["technique"] for s in document["suggestions"]]
        def by_technique(items, member):
            return ";".join(f"{item['technique']}:" + ",".join(dict.fromkeys(
                note["rule"] or "?" for note in item[member])) for item in items if item[member])
        expected.update(
            outcome="referral" if referral else "check-first" if document["check_first"]
            else "ok" if suggestions else "nothing-fits",
            referral=referral["level"] if referral else "",
            red_flags=";".join(flag["id"] for flag in referral["red_flags"]) if referral else "",
            check_first=";".join(question["id"] for question in document["check_first"]),
            top=suggestions[0] if suggestions else "", ranking=";".join(suggestions),
            cautions=by_technique(document["suggestions"], "cautions"), error="")
        # An exclusion the engine made has no rule in JSON; the row names its cause.
        excluded = re.sub(r"\b(referral|answer-first|avoided)\b", "?", record["excluded"])
        if excluded != by_technique([{"technique": e["technique"], "reasons": e["reasons"]}
                                     for e in document["excluded"]], "reasons"):
            yield f"excluded {record['excluded']!r} differs from the JSON's"
    else:
        facts = document["facts"]
        reported = list(dict.fromkeys(f["fact"] for f in facts if f["reported"]))
        expected.update(reported=";".join(reported), error="",
                        intensity=str(document["numbers"]["intensity"]["value"]).removesuffix(".0")
                        if document["numbers"]["intensity"] else "")
    for column, value in expected.items():
        if record[column] != value:
            yield f"column {column} is {record[column]!r}, the JSON says {value!r}"


OUTCOMES = {
    "batch": {"error", "referral", "check-first", "nothing-fits", "ok"},
    "analyze-batch": {"error", "nothing-recognised", "ok"},
}


def is_good_line(line):
    try:
        json.loads(line.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError):
        return False
    return not line.decode().startswith("#bad")


def _no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def batch_sample():
    good = [
        {"pressure": "low"},
        {"pressure": "medium", "goals": ["relief", "mobility"]},
        {"pressure": "firm", "goal": "mobility", "area": ["upper-back"]},
        {"description": "tight lower back after sitting all day"},
        {"description": "numb between my legs and I cannot control my bladder"},
        {"description": "fever and chills with back pain"},
        {"description": "no fever, no numbness, no problems with my bladder, stiff neck"},
        {"description": "my dad had cancer, my lower back aches"},
        {"description": "my mum has ankylosing spondylitis"},
        {"description": "DVT 2014, calves fine now"},
        {"description": "I'm 72, lowr bak pain for 6 months, about 7/10, can't bend"},
        {"description": "pain 3 out of 10 for two weeks, I'm 45"},
        {"description": "what if I get numbness down below?"},
        {"description": "I had sciatica but it went away"},
        {"description": "knots under my right shoulder blade, sharp pain at night"},
        {"description": "I have lost weight without trying and sweat at night"},
        {"description": "sudden tearing pain in my back and chest"},
        {"description": "I fell off a ladder yesterday"},
        {"description": "pregnant, 20 weeks, everything fine at the scans"},
        {"description": "pregnant and my lower back aches"},
        {"description": "on warfarin, lower back tight, go as deep as possible", "pressure": "firm"},
        {"description": "my lower back aches and I keep needing to pee"},
        {"description": "my lower back aches and I keep needing to pee", "answers": {"bladder-dysfunction": "yes"}},
        {"description": "my lower back aches and I keep needing to pee", "answers": {"bladder-dysfunction": "no"}},
        {"description": "tight lower back", "answers": {"chest-pain": "no", "fever": "no"}},
        {"description": "tight lower back", "answers": {"night-pain": "not sure"}},
        {"answers": {"saddle-numbness": "not-sure"}, "pressure": "firm"},
        {"condition": ["blood-thinners"], "pressure": "firm"},
        {"conditions": "pregnancy", "avoid": ["swedish", "myofascial"]},
        {"avoid": ["deep-tissue"], "pressure": "firm"},
        {"avoid": ["swedish", "nmt", "mfr", "deep-tissue"]},
        {"goal": "mobility", "area": ["lower-back"], "age": 70, "duration": "2y"},
        {"age": 30, "duration": "6m", "intensity": 8, "goals": ["relaxation"]},
        {"description": "sciatika and osteoprosis for a couple of weeks, I'm 58, pain 7 out of 10"},
        {"description": "sadle numbnes and i cant controll my blader"},
        {"description": "not sharp, more of a dull ache in my neck", "pressure": "low"},
        {"description": "back surgery in 1999, no problems since", "area": "neck"},
        {"description": "a vaccination 3 weeks ago and lower back pain for two semesters"},
        {"description": "I'm 5 foot tall and 80 years old with a sore back"},
        {"description": ""},
        {"description": "hello there"},
        {"condition": "fever"},
        {"description": "sciatica down my left leg", "pressure": "firm"},
        {"description": "sciatica down my left leg and I keep needing to pee"},
        {"description": "my back has not improved after 6 weeks of exercises"},
        {"description": "stiff every morning for 2 years, better when I move, ibuprofen helps", "age": 30},
        {"description": "the numbness went away, had a fever last week but all clear now"},
        {"id": "P001", "meta": {"ward": "B", "seen": [1, 2]}, "description": "sore lower back"},
        {"id": 42, "description": "numb between my legs"},
    ]
    lines = [json.dumps(item).encode("utf-8") for item in good]
    bad = [
        b"not json",
        b'{"description": "sore back"} and more',
        b'{"description": "sore back"',
        b'{"description": "sore \xff back"}',
        b'{"zzz": 1}',
        b'{"presure": "low"}',
        b'{"condition": ["blod-thinners"]}',
        b'{"age": "old"}',
        b"[1,2]",
        b'{"pressure": "low", "pressure": "firm"}',
        b'{"pressure": "lwo"}',
        b'{"answers": {"fevr": "no"}}',
        b'{"intensity": 11}',
        b'{"id": "P002", "meta": {"ward": "C"}, "pressure": "hrad"}',
        b'{"id": ["P003"]}',
        b'{"meta": "not an object"}',
    ]
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i % 3 == 2 and bad:
            out.append(bad.pop(0))
        if i % 10 == 9:
            out.append(b"")  # blank lines are skipped but counted
    out.extend(bad)
    return out


# Files for check_commands, written to a temporary directory.
SAMPLE_FILES = {
    # A rule without `when` or `source`, one with a routine referral and a fraction, a word set.
    "extra.yaml": """version: 1
rules:
  - id: always-drink-water
    advice: Drink some water after a session.
    because: Most people feel better with a glass of water.
  - id: half-point-for-swedish
    when: {any: [{goal: relaxation}, {not: {pressure: [firm, medium]}}]}
    score: {swedish: 0.5, gliding-strokes: 1}
    refer: routine
    because: A light touch suits relaxing.
word-sets:
  - id: my-words
    words: [knot, "=legs", "# days ago"]
""",
    # A replaced rule and two disabled ones, as in backrelief-rules(5), EXAMPLES.
    "disable.yaml": """version: 1
rules:
  - id: firm-pressure-favours-deep-tissue
    replaces: true
    when: {pressure: firm}
    score: {deep-tissue: 2, neuromuscular: 2}
    because: Slow, firm work suits a preference for firm pressure.
    source: local practice
disable:
  - firm-pressure-disfavours-swedish
  - fever-needs-a-doctor
""",
    # A technique with a trait of its own, as in backrelief-rules(5), Traits.
    "hot-stone.yaml": """version: 1
traits:
  - id: warmth
    name: heat held against the skin
techniques:
  - id: hot-stone
    name: Hot stone massage
    aliases: [stones]
    pressure: [medium, firm]
    traits: [gliding-strokes, warmth]
    summary: Heated stones glided over the back with firm pressure.
    aftercare: Drink water and rest.
rules:
  - id: hot-stone-for-relaxation
    when: {goal: relaxation}
    score: {hot-stone: 2}
    exclude: []
    caution: {warmth: Say if the stones feel too hot.}
    because: Warmth helps people relax.
""",
    "config.yaml": """# standing defaults
pressure: low
conditions: [blood-thinners, pregnancy]
goals: relief
areas: [lower-back, neck]
avoid: nmt
age: 58
duration: 6m
top: 2
format: tsv
color: never
""",
    # Two scenarios that pass and two that fail, one of them on every kind of expectation.
    "failing-scenarios.yaml": """version: 1
scenarios:
  - name: light pressure favours Swedish massage
    options: {pressure: low}
    expect: {top: swedish, referral: none}
  - name: "wrong on purpose: firm pressure ranks Swedish first"
    options: {pressure: firm, goals: [relaxation], avoid: nmt}
    expect:
      top: swedish
      referral: urgent
      excluded: [deep-tissue]
      suggested: [neuromuscular]
      fired: [fever-needs-a-doctor]
      not_fired: [firm-pressure-favours-deep-tissue]
  - name: a fever refers, and nothing is suggested
    description: back pain and a fever since Tuesday
    expect: {top: swedish}
  - name: a fever refers
    description: back pain and a fever since Tuesday
    options: {age: 40, duration: 2w}
    expect: {referral: urgent, fired: [fever-needs-a-doctor]}
""",
    "no-scenarios.yaml": "version: 1\nscenarios: []\n",
}


def analyze_sample():
    return [
        "sciatika and osteoprosis for a couple of weeks, I'm 58, pain 7 out of 10",
        "dull ache for 6 months, pain 6/10",
        "my dad had cancer",
        "No numbness or tingling, knots under my right shoulder blade",
        "not sharp, more of a dull ache",
        "I had sciatica but it went away",
        "what if I get numbness down below?",
        "back surgery in 1999, none since",
        "DVT 2014",
        "my mum has ankylosing spondylitis",
        "I'm 5 foot tall and 80 years old",
        "I'm 72, lowr bak pain for 6 months, about 7/10, can’t bend",
        "sadle numbnes and i cant controll my blader",
        "fever and chills, lost weight without trying",
        "pregnant, everything fine at the scans",
        "my back went on Monday and since this morning I cannot feel the toilet paper when I wipe",
        "on warfarin, lower back tight, go as deep as possible",
        "hello there",
        "my husband keeps needing to pee, my lower back aches",
        "left side of my neck, stiff, pain three out of ten for two days",
        "the numbness went away, had a fever last week but all clear now",
        "I'm 60, 80 years old, sciatica down my left leg",
        "stiff every morning for 2 years, better when I move, ibuprofen helps",
    ]


def main(argv):
    if len(argv) != 3:
        print("usage: validate_outputs.py BINARY REPO_DIR", file=sys.stderr)
        return 2
    binary, repo = os.path.abspath(argv[1]), argv[2]
    checker = Checker(repo)
    if checker.load_schemas():
        checker.check_goldens()
        checker.check_sample(binary)
        checker.check_row_sample(binary)
        checker.check_commands(binary)
    print(f"{checker.valid} documents valid" +
          (f", {checker.failures} failure{'s' if checker.failures != 1 else ''}" if checker.failures else ""))
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
