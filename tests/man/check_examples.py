#!/usr/bin/env python3
"""Runs the examples of a manual as a reader sees them, and compares what they print.

Usage: check_examples.py BINARY PAGE [SECTION]

The page is rendered with mandoc, so what is checked is what a reader reads (a roff escape
that eats a character shows up here). In every section, each line that starts with "$ " is
a command, run in one scratch directory in page order (a command may use a file an
earlier one wrote) with BINARY first on PATH and no user configuration. It must exit 0, or
N when it ends with "# exits N". The indented lines after a command, up to the next command
or the end of the display, are its output as shown: when there are any they must be what
the command prints on standard output, spaces aside (the page aligns with spaces what the
program aligns with tabs), with the shipped rule files named where a Debian install has them. The rule files of backrelief-rules(5)'s examples, whose first
line names them ("# ~/.config/backrelief/rules.d/NAME.yaml"), are written into the scratch
directory first, so the commands can use them by name. Each display starts with an empty home
directory, so the config file one example writes does not change the next one's output.
The files under files/ beside this script (a clinic's intake.csv) are in the scratch directory
from the start, so a recipe can begin with the file it works on.

A PAGE ending in .md is read as Markdown, its examples being the "$ " lines of its indented code
blocks; with SECTION, only those under the heading that holds SECTION, up to the next heading
of the same level or higher.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def render(page):
    text = subprocess.run(["mandoc", "-T", "utf8", page], check=True, capture_output=True, text=True).stdout
    text = re.sub(r".\x08", "", text)  # bold and underline are overstrikes
    return [line.expandtabs(8).rstrip() for line in text.splitlines()]


def markdown(page, title):
    """The lines of a Markdown page, or of its section whose heading holds `title`."""
    with open(page, encoding="utf-8") as source:
        lines = [line.expandtabs(8).rstrip() for line in source.read().splitlines()]
    if title is None:
        return lines
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and title in line)
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level), len(lines))
    return lines[start + 1:end]


def shipped_paths(text):
    """The shipped rule files as a Debian install names them, wherever this binary reads them."""
    return re.sub(r"(?<![\w.~/-])/\S*/rules/(\d\d-[\w.-]+\.yaml)", r"/usr/share/backrelief/rules/\1", text)


def section(lines, name):
    start = lines.index(name)
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[A-Z][A-Z ]+$", lines[i])), len(lines))
    return lines[start + 1:end]


def indent(line):
    return len(line) - len(line.lstrip(" "))


def examples(lines):
    """(command, shown output lines, first of its display) in page order."""
    found = []
    i = 0
    new_display = True
    while i < len(lines):
        line = lines[i]
        if not line.lstrip().startswith("$ "):
            if line != "":
                new_display = True  # text between displays
            i += 1
            continue
        depth = indent(line)
        command = line.lstrip()[2:]
        shown = []
        i += 1
        while i < len(lines):
            line = lines[i]
            if line.lstrip().startswith("$ "):
                break
            if line == "":
                # A blank line inside an output goes on when the display does.
                following = next((x for x in lines[i + 1:] if x != ""), "")
                if indent(following) < depth or following.lstrip().startswith("$ "):
                    break
            elif indent(line) < depth:
                break
            shown.append(line[depth:])
            i += 1
        while shown and shown[-1] == "":
            shown.pop()
        found.append((command, shown, new_display))
        new_display = False
    return found


def rule_files(page):
    """The example rule files that name themselves, from the page source."""
    files = {}
    with open(page, encoding="utf-8") as source:
        lines = source.read().splitlines()
    for i, line in enumerate(lines):
        if line == ".Bd -literal -offset indent" and i + 1 < len(lines):
            named = re.match(r"^# ~/\.config/backrelief/rules\.d/([\w.-]+\.yaml)$", lines[i + 1])
            if named:
                end = lines.index(".Ed", i)
                body = "\n".join(lines[i + 1:end]) + "\n"
                files[named.group(1)] = body.replace("\\e", "\\").replace("\\&", "").replace("\\(dq", '"')
    return files


def normalised(lines):
    return [" ".join(line.split()) for line in lines]


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, page = os.path.realpath(sys.argv[1]), sys.argv[2]
    title = sys.argv[3] if len(sys.argv) == 4 else None
    found = examples(markdown(page, title) if page.endswith(".md") else render(page))
    if not found:
        print(f"no examples found in {page}")
        return 1
    failed = 0
    compared = 0
    with tempfile.TemporaryDirectory() as work:
        for name in ("bin", "run", "home"):
            os.mkdir(os.path.join(work, name))
        os.symlink(binary, os.path.join(work, "bin", "backrelief"))
        files = os.path.join(os.path.dirname(os.path.realpath(__file__)), "files")
        for name in sorted(os.listdir(files)) if os.path.isdir(files) else []:
            shutil.copy(os.path.join(files, name), os.path.join(work, "run", name))
        for name, body in rule_files(page).items() if not page.endswith(".md") else []:
            with open(os.path.join(work, "run", name), "w", encoding="utf-8") as out:
                out.write(body)
        environment = {
            "PATH": f"{work}/bin:/usr/bin:/bin", "HOME": f"{work}/home", "XDG_CONFIG_HOME": f"{work}/home/.config",
            "XDG_CACHE_HOME": f"{work}/home/.cache", "NO_COLOR": "1", "TERM": "dumb", "LC_ALL": "C.UTF-8",
        }
        for command, shown, new_display in found:
            if new_display:
                shutil.rmtree(f"{work}/home")
                os.mkdir(f"{work}/home")
            result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=f"{work}/run", env=environment,
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
            wanted = re.search(r"# exits (\d+)$", command)
            expected = int(wanted.group(1)) if wanted else 0
            if result.returncode != expected:
                print(f"FAILED (status {result.returncode}, expected {expected}): {command}")
                print((result.stdout + result.stderr)[:1500])
                failed += 1
                continue
            if not shown:
                continue
            compared += 1
            printed = shipped_paths(result.stdout).rstrip("\n").split("\n")
            if normalised(printed) != normalised(shown):
                print(f"FAILED (the page shows other output): {command}")
                print("  the page shows:")
                print("\n".join("    " + line for line in shown))
                print("  the command prints:")
                print("\n".join("    " + line for line in printed[:40]))
                failed += 1
    print(f"{len(found)} examples of {os.path.basename(page)} run, {compared} of them compared with their output; "
          f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
