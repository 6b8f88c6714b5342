# shellcheck shell=bash disable=SC2154  # binary is set by the test that sources this
# The setup every completion test shares: a private PATH (with `backrelief` on it), HOME and
# XDG_CONFIG_HOME, so only the shipped rules and the test's own files are loaded, never a
# developer's rules.d, config or shell setup; the fixture rule files; and what --help says.
# Source it with $binary set; it leaves the caller in $tmp/work and removes $tmp on exit.
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home/.config" "$tmp/work/more"
ln -s "$binary" "$tmp/bin/backrelief"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"
unset BACKRELIEF_RULES BACKRELIEF_CONFIG
cd "$tmp/work" || exit 2

# A rule file that adds one condition (see backrelief-rules(5)), to be offered for -c only
# when the line loads it with -r/--rules.
cat >extra.yaml <<'EOF'
version: 1
concepts:
  - {id: zz-completion-test, kind: condition, name: a condition only this test defines,
     aliases: [zz-completion-alias]}
EOF
# A rule file read from standard input by `-r -`: the completion must not read it.
cat >stdin.yaml <<'EOF'
version: 1
concepts:
  - {id: zz-from-stdin, kind: condition, name: a condition read from standard input}
EOF
# A broken rule file: backrelief's error must not reach the terminal.
printf 'version: 1\nconcepts: [ {id: \n' >broken.yaml

# The fixtures must mean what the cases take them to mean.
setup_ok=true
if ! backrelief rules check extra.yaml >/dev/null 2>&1; then
    echo "FAIL: setup: 'backrelief rules check extra.yaml' rejects the test's rule file:"
    backrelief rules check extra.yaml 2>&1 | sed 's/^/  /'
    setup_ok=false
fi
if backrelief values condition -r broken.yaml >/dev/null 2>&1; then
    echo "FAIL: setup: backrelief accepts broken.yaml, so it tests nothing"
    setup_ok=false
fi
$setup_ok || exit 1

# What --help says, to compare the completion's static lists with.
help_subcommands() { backrelief "$@" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'; }
help_options() { backrelief "$@" --help | sed -n '/^Options:/,/^$/s/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n'; }
# The values a command's KIND or an option's FORMAT takes, as backrelief lists them when given a
# value it does not know ("expected text, json, tsv"): --help names only the placeholder.
help_choices() {
  local words
  case $2 in
    KIND) words=("$1" not-a-value) ;;
    FORMAT) words=("$1" --format not-a-value x) ;;
    *) return 1 ;;
  esac
  { backrelief "${words[@]}" 2>&1 || true; } | sed -n "s/.*unknown value 'not-a-value': expected \([^(]*\).*/\1/p" |
    tr -d ',' | tr ' ' '\n' | grep .
}
# The long options only.
help_long_options() { help_options "$@" | grep -- '^--'; }
