#!/usr/bin/env bash
# Drive the fish completion of backrelief as fish does on TAB, and check what it offers.
#
# Usage: check_fish_completion.sh BINARY COMPLETION_SCRIPT
#
# Each case runs `fish --no-config`, sources the completion script and asks fish's own
# completer for a typed line with `complete -C LINE`: the candidates are those fish would
# show, after its own option parsing, conditions and prefix matching. They are compared
# with the words expected, and option and subcommand names with --help, so that a new
# option fails here until the completion knows it. Exits 0 when every check passes, 77
# when fish is not installed; prints each failure otherwise.
set -u -o pipefail

if (($# != 2)); then
    echo "usage: $0 BINARY COMPLETION_SCRIPT" >&2
    exit 2
fi
binary=$(realpath -- "$1") || exit 2
script=$(realpath -- "$2") || exit 2
if [[ ! -x $binary || ! -r $script ]]; then
    echo "$0: need an executable BINARY and a readable COMPLETION_SCRIPT" >&2
    exit 2
fi
fish=${FISH_BINARY:-$(command -v fish)} || true
if [[ -z $fish || ! -f $fish || ! -x $fish ]]; then
    echo "SKIP: fish is not installed"
    exit 77
fi

# shellcheck source-path=SCRIPTDIR source=fixture.sh
source "$(dirname "$(realpath "$0")")/fixture.sh"

passed=0 failed=0
report()
{
    echo "FAIL: $*"
    failed=$((failed + 1))
}
sorted() { printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
# The words of the list $1 that the list $2 lacks (both as sorted() prints them).
words_not_in() { LC_ALL=C comm -23 <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | tr '\n' ' ' | sed 's/ $//'; }

# Ask fish what it offers for LINE (the text before the cursor), into the array
# candidates; standard input is the caller's. fish's autoloaded completions are switched
# off (an installed backrelief.fish would add to the one under test).
complete_line()
{
    local line=$1 status=0
    candidates=()
    # shellcheck disable=SC2016 # $argv is fish's.
    timeout 10 "$fish" --no-config -c '
        set -g fish_complete_path
        source $argv[1]; or exit 3
        complete -C $argv[2]' "$script" "$line" >"$tmp/out" 2>"$tmp/noise" || status=$?
    if ((status != 0)); then
        report "'$line<TAB>': fish ended with status $status: $(head -c 300 "$tmp/noise")"
        return 1
    fi
    # Nothing may be printed: it would land in the middle of the user's line.
    if [[ -s $tmp/noise ]]; then
        report "'$line<TAB>' printed: $(head -c 300 "$tmp/noise")"
        return 1
    fi
    # Each candidate is printed as WORD, or WORD<TAB>DESCRIPTION.
    local word
    mapfile -t candidates <"$tmp/out"
    for word in "${!candidates[@]}"; do candidates[word]=${candidates[word]%%$'\t'*}; done
}

# expect LINE WORD...: fish offers exactly these words (in any order); none for no WORD.
expect()
{
    local line=$1
    shift
    complete_line "$line" || return
    # Compared as sets in bash itself: most cases pass, and forks are slow on a busy machine.
    local -A got_set=() want_set=()
    local word same=true
    for word in "${candidates[@]}"; do [[ -n $word ]] && got_set[$word]=1; done
    for word; do [[ -n $word ]] && want_set[$word]=1; done
    ((${#got_set[@]} == ${#want_set[@]})) || same=false
    for word in "${!want_set[@]}"; do [[ -n ${got_set[$word]:-} ]] || same=false; done
    if $same; then
        passed=$((passed + 1))
        return
    fi
    local got want
    got=$(sorted "${candidates[@]}") want=$(sorted "$@")
    if ((${#got} + ${#want} < 160)); then
        report "'$line<TAB>': expected [$want], got [$got]"
    else
        # Long lists: say only what differs.
        report "'$line<TAB>': missing [$(words_not_in "$want" "$got")]," \
            "unexpected [$(words_not_in "$got" "$want")]"
    fi
}
# expect_includes LINE WORD...: fish offers at least these words.
expect_includes()
{
    local line=$1 word missing=''
    shift
    complete_line "$line" || return
    for word; do
        [[ " ${candidates[*]} " == *" $word "* ]] || missing+=" $word"
    done
    if [[ -z $missing ]]; then
        passed=$((passed + 1))
    else
        report "'$line<TAB>': missing [${missing# }], got [$(sorted "${candidates[@]}")]"
    fi
}
# expect_lines LINE COMMAND...: fish offers exactly the lines COMMAND prints.
expect_lines()
{
    local line=$1 output
    shift
    output=$("$@" 2>&1) || {
        report "'$line<TAB>': could not get the expected words from '$*': $output"
        return
    }
    [[ -n $output ]] || {
        report "'$line<TAB>': '$*' printed nothing to compare with"
        return
    }
    local -a words
    mapfile -t words <<<"$output"
    expect "$line" "${words[@]}"
}

# The script loads in a plain fish and registers completions for backrelief.
# shellcheck disable=SC2016 # $argv is fish's.
if registered=$("$fish" --no-config -c 'source $argv[1]; and complete -c backrelief' "$script" 2>&1) &&
    [[ $registered == *'complete backrelief '* || $registered == *'complete -c backrelief '* ]]; then
    passed=$((passed + 1))
else
    report "the script does not load, or registers nothing: $(head -c 300 <<<"$registered")"
fi

# Subcommands.
expect 'backrelief rec' recommend
expect 'backrelief ' recommend ask analyze techniques rules test config values
expect_lines 'backrelief ' help_subcommands
expect 'backrelief rules ' check diff list show
expect_lines 'backrelief rules ' help_subcommands rules
expect 'backrelief rules sh' show
expect 'backrelief -p low rec' recommend

# Option names: a few by hand, then every subcommand's against its --help, both the long
# ones fish offers after `--` and all of them after `-`.
expect 'backrelief recommend --pre' --pressure
expect 'backrelief recommend --col' --color --colour --column
expect 'backrelief recommend --batch --input ' csv json
expect 'backrelief analyze --' --help --format --json --batch --first-line --input --column --no-header --rules --no-default-rules --no-user-rules --no-cache
expect 'backrelief test --req' --require-coverage
expect 'backrelief -' -h --help -V --version
for sub in recommend ask analyze config techniques rules 'rules list' 'rules check' \
    'rules show' test values; do
    # shellcheck disable=SC2086
    expect_lines "backrelief $sub --" help_long_options $sub
    # shellcheck disable=SC2086
    expect_lines "backrelief $sub -" help_options $sub
done

# Pressure: the three levels and their synonyms, as `backrelief values pressure` has them.
expect_includes 'backrelief recommend --pressure ' low medium firm
expect_lines 'backrelief recommend --pressure ' backrelief values pressure
expect_lines 'backrelief recommend -p ' backrelief values pressure
expect 'backrelief recommend -p l' low light
expect 'backrelief recommend -pl' -plow -plight
expect 'backrelief recommend --pressure=f' --pressure=firm
expect 'backrelief recommend -c pregnancy --pressure f' firm
expect 'backrelief config --pressure m' medium moderate

# Other values asked of `backrelief values`.
expect 'backrelief recommend -c blood' blood-thinners
expect 'backrelief recommend -p low -c blood' blood-thinners
expect 'backrelief config --condition=blood' --condition=blood-thinners
expect_lines 'backrelief recommend -c ' backrelief values condition
expect_lines 'backrelief recommend --condition ' backrelief values condition
expect_lines 'backrelief config -g ' backrelief values goal
expect_lines 'backrelief recommend --area ' backrelief values area
expect_lines 'backrelief recommend --avoid ' backrelief values technique
expect_lines 'backrelief recommend --why-not ' backrelief values technique
expect_lines 'backrelief techniques ' backrelief values technique
expect_lines 'backrelief rules show ' backrelief values rule
expect_lines 'backrelief recommend --color ' backrelief values color
expect 'backrelief recommend --colour al' always
expect 'backrelief values ' technique condition goal area pressure format color rule question
expect_lines 'backrelief values ' help_choices values KIND
# --answer: a warning-sign question's id and '=', for the answer to follow.
expect_includes 'backrelief recommend --answer ' fever= both-legs=

# Formats: recommend has three, analyze two.
expect 'backrelief recommend -f ' text json tsv csv
expect_lines 'backrelief recommend -f ' help_choices recommend FORMAT
expect 'backrelief analyze -f ' text json tsv csv
expect_lines 'backrelief analyze -f ' help_choices analyze FORMAT

# Rule options on the line are passed on: a condition of extra.yaml is offered only when
# the line loads it, in every spelling of the option.
expect 'backrelief recommend -c zz'
expect 'backrelief recommend -r extra.yaml -c zz' zz-completion-test zz-completion-alias
expect 'backrelief recommend --rules extra.yaml -c zz' zz-completion-test zz-completion-alias
expect 'backrelief recommend -r extra.yaml -c zz-completion-t' zz-completion-test
expect 'backrelief recommend --rules=extra.yaml -c zz' zz-completion-test zz-completion-alias
expect 'backrelief recommend -rextra.yaml --condition zz' zz-completion-test zz-completion-alias
expect 'backrelief config -c zz -r extra.yaml -c zz' zz-completion-test zz-completion-alias
expect 'backrelief recommend -c blood -r extra.yaml -c blood' blood-thinners
expect_includes 'backrelief recommend -r extra.yaml -c ' zz-completion-test blood-thinners
# --no-default-rules alone loads no techniques: backrelief fails, and offers nothing.
expect 'backrelief recommend --no-default-rules -c '
# A broken rule file: nothing offered, and nothing printed (complete_line checks that).
expect 'backrelief recommend -r broken.yaml -c '
expect 'backrelief recommend --rules broken.yaml --avoid '
expect 'backrelief rules show -r broken.yaml low'
# `-r -` would read standard input: left out, so the terminal is never read.
expect 'backrelief recommend -r - -c blood' blood-thinners <stdin.yaml
expect 'backrelief recommend -r - -c zz' <stdin.yaml

# File names.
expect 'backrelief recommend --rules ex' extra.yaml
expect 'backrelief recommend --rules=ex' --rules=extra.yaml
expect 'backrelief recommend --config ex' extra.yaml
expect 'backrelief rules check ex' extra.yaml
expect 'backrelief test ' broken.yaml extra.yaml more/ stdin.yaml

# Nothing where the user types free text, or no more words are taken.
expect 'backrelief recommend '
expect 'backrelief recommend my lower b'
expect 'backrelief recommend --age '
expect 'backrelief recommend --top '
expect 'backrelief techniques swedish '
expect 'backrelief rules show stay-active '
expect 'backrelief values technique '

echo "$passed passed, $failed failed"
((failed == 0))
