#!/usr/bin/env python3
"""Every public declaration of the headers under PUBLIC/backrelief/ is documented by a `///`
comment: on the lines just above it, or as a trailing `///<` (members and enumerators). Private
members, access labels, closing braces and preprocessor lines need none.
Usage: check_header_docs.py PUBLIC    Exit status: 0 when every declaration is documented.
It first checks itself on copies of the headers, each with one sentence taken away."""
import pathlib
import re
import shutil
import sys
import tempfile

SKIP = re.compile(r'^\s*(#|//(?!/)|public:|protected:|}|namespace\b|friend\b|$)')
ACCESS = re.compile(r'^\s*(public|private|protected):')


def undocumented(path):
    lines = path.read_text().split('\n')
    problems = []
    private = []  # one flag per open class or struct
    documented = False  # the last lines read were a /// comment
    continuing = False  # inside a declaration that spans lines
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith('///'):
            documented = True
            continue
        if ACCESS.match(line):
            if private:
                private[-1] = stripped.startswith('private')
            continue
        if stripped.startswith('};'):
            if private:
                private.pop()
            documented = continuing = False
            continue
        if SKIP.match(line):
            if not stripped.startswith('#') and stripped:
                documented = False
            continue
        opens = re.match(r'^\s*(struct|class|enum class)\s+\w+[^;]*\{\s*(///<.*)?$', line)
        hidden = bool(private and private[-1])
        if not continuing and not hidden and not documented and '///<' not in line:
            problems.append(f'{path}:{number}: no /// sentence for: {stripped}')
        if opens:
            private.append(opens.group(1) == 'class')
        continuing = not (stripped.endswith(';') or stripped.endswith('{') or '///<' in line or
                          stripped.endswith(',') and '///<' in line)
        if re.match(r'^\s*\w+,?\s*(///<.*)?$', line):  # an enumerator
            continuing = False
        documented = False
    return problems


def headers_of(public):
    return sorted((public / 'backrelief').glob('*.hpp')) + sorted((public / 'backrelief').glob('*.hpp.in'))


def refuses_what_it_should(public):
    """A check that passes everything proves nothing: take away, one at a time, the sentence
    of a function, a member and an enumerator, and expect each to be reported."""
    plants = [('answer.hpp', '  /// The techniques suggested, best first.\n', ''),
              ('answer.hpp', '  std::string name;                    ///< Its name for people ("Swedish massage").',
               '  std::string name;'),
              ('referral_level.hpp', '  urgent,   ///< Within a day or two, before any massage.', '  urgent,')]
    for name, sentence, without in plants:
        with tempfile.TemporaryDirectory() as work:
            copy = pathlib.Path(work) / 'include'
            shutil.copytree(public, copy)
            header = copy / 'backrelief' / name
            text = header.read_text()
            if sentence not in text:
                print(f'self-test: {name} no longer holds {sentence.strip()!r}; update the plants', file=sys.stderr)
                return False
            header.write_text(text.replace(sentence, without, 1))
            if not any(undocumented(h) for h in headers_of(copy)):
                print(f'self-test: taking away {sentence.strip()!r} went unreported', file=sys.stderr)
                return False
    return True


def main():
    public = pathlib.Path(sys.argv[1])
    headers = headers_of(public)
    if not headers:
        print(f'no public header under {public}', file=sys.stderr)
        return 1
    if not refuses_what_it_should(public):
        return 1
    problems = [problem for header in headers for problem in undocumented(header)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f'every declaration of {len(headers)} public headers has its /// sentence')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
