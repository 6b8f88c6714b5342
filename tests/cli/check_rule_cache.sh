#!/usr/bin/env bash
# The compiled rule cache: written on first use, read back while the files are unchanged,
# replaced when one changes, ignored when damaged, skipped with --no-cache, and safe with
# several processes at once. Usage: check_rule_cache.sh BINARY
set -u
binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache NO_COLOR=1 LC_ALL=C.UTF-8
unset BACKRELIEF_RULES BACKRELIEF_CONFIG
failed=0
fail() {
  echo "FAIL $*"
  failed=1
}
cat >"$work/extra.yaml" <<'YAML'
version: 1
rules:
  - {id: extra-favours-swedish, when: {pressure: low}, score: {swedish: 1}, because: An extra reason., source: test}
YAML
run() { "$binary" recommend -p low -f tsv --no-header -r "$work/extra.yaml" "$@"; }

reference=$(run --no-cache)
[[ -d $work/cache/backrelief ]] && fail "--no-cache wrote a cache"
first=$(run)
cache=$(find "$work/cache/backrelief" -name 'rules-*.cache' 2>/dev/null)
[[ $(wc -l <<<"$cache") -eq 1 && -s $cache ]] || fail "no cache file written: '$cache'"
[[ $first == "$reference" ]] || fail "the first run differs from --no-cache"
second=$(run)
[[ $second == "$reference" ]] || fail "the run from the cache differs"

# A changed rule file replaces the cache entry; the answer follows the file.
sed -i 's/swedish: 1/swedish: 5/' "$work/extra.yaml"
changed=$(run)
[[ $changed != "$reference" ]] || fail "a changed rule file still gave the cached answer"
[[ $changed == "$(run --no-cache)" ]] || fail "after a change, cached and uncached answers differ"
[[ $(find "$work/cache/backrelief" -name 'rules-*.cache' | wc -l) -eq 1 ]] || fail "a changed file added a second cache file"

# A word set naming a WordNet sense: the cache follows the database too (WNSEARCHDIR), so a
# changed or removed WordNet is never hidden behind an entry expanded from the old one.
if [[ -r /usr/share/wordnet/index.noun ]]; then
  mkdir -p "$work/wordnet" && cp /usr/share/wordnet/* "$work/wordnet/"
  cat >"$work/wordnet.yaml" <<'YAML'
version: 1
word-sets:
  - {id: rump-words, words: [{wordnet: buttocks.n.01}]}
YAML
  WNSEARCHDIR=$work/wordnet "$binary" rules check -r "$work/wordnet.yaml" >/dev/null 2>&1 || fail "WordNet rules do not load"
  WNSEARCHDIR=$work/wordnet "$binary" rules check -r "$work/wordnet.yaml" >/dev/null 2>&1 || fail "WordNet rules do not load from the cache"
  rm "$work/wordnet/data.noun"
  status=0
  message=$(WNSEARCHDIR=$work/wordnet "$binary" rules check -r "$work/wordnet.yaml" 2>&1 >/dev/null) || status=$?
  [[ $status == 1 && $message == *wordnet-base* ]] ||
    fail "a removed WordNet file was hidden by the cache (status $status): $message"
  rm -rf "$work/wordnet" "$work/wordnet.yaml"
fi

# A damaged cache is ignored and rewritten.
for damage in truncate garbage empty; do
  case $damage in
    truncate) head -c 500 "$cache" >"$work/part" && cp "$work/part" "$cache" ;;
    garbage) head -c 4096 /dev/urandom >"$cache" ;;
    empty) : >"$cache" ;;
  esac
  [[ $(run 2>&1) == "$changed" ]] || fail "a $damage cache changed the answer or printed something"
  [[ $(run 2>&1) == "$changed" ]] || fail "the cache rewritten after $damage gives another answer"
done

# An unwritable cache directory is no error.
rm -rf "$work/cache" && mkdir -p "$work/cache" && chmod 500 "$work/cache"
[[ $(run 2>&1) == "$changed" ]] || fail "an unwritable cache directory changed the answer"
chmod 700 "$work/cache"

# Many processes at once: every one answers right, one whole cache file remains.
rm -rf "$work/cache"
for i in $(seq 1 8); do run >"$work/out.$i" 2>&1 & done
wait
for i in $(seq 1 8); do
  [[ $(cat "$work/out.$i") == "$changed" ]] || fail "concurrent run $i answered differently"
done
[[ $(find "$work/cache/backrelief" -type f | wc -l) -eq 1 ]] || fail "concurrent writers left $(find "$work/cache/backrelief" -type f | wc -l) files"
# Rules loaded from ever new paths: only the 16 most recently written cache files stay.
for i in $(seq 1 20); do
  cp "$work/extra.yaml" "$work/extra-$i.yaml"
  "$binary" recommend -p low -f tsv -r "$work/extra-$i.yaml" >/dev/null 2>&1 || fail "run with extra-$i.yaml failed"
  sleep 0.01 # distinct modification times
done
kept=$(find "$work/cache/backrelief" -name 'rules-*.cache' | wc -l)
[[ $kept -eq 16 ]] || fail "after 21 rule lists, $kept cache files remain (want 16)"
[[ $(run 2>&1) == "$changed" ]] || fail "the answer changed after pruning"

[[ $failed -eq 0 ]] && echo "rule cache: ok"
exit $failed
