#!/usr/bin/env bash
# Drive the bash completion of backrelief as bash does on TAB, and check what it offers.
#
# Usage: check_bash_completion.sh BINARY COMPLETION_SCRIPT
#
# Each case sets COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT as bash would for a
# line typed up to the cursor, calls _backrelief, and compares COMPREPLY with the words
# expected. The cases run twice: with plain bash, and with the bash-completion helpers
# when they are installed, since the script must work both ways. Option and subcommand
# names are also compared with --help, so that a new option fails here until the
# completion knows it. Exits 0 when every check passes; prints each failure otherwise.
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

# shellcheck source-path=SCRIPTDIR source=fixture.sh
source "$(dirname "$(realpath "$0")")/fixture.sh"

# Run every case against one mode of the completion script; print failures, and write
# "passed failed" to $1.
run_cases()
{
    local counts=$1 mode=$2 passed=0 failed=0

    # Set COMP_* for LINE (the text before the cursor) as bash does: words split at blanks,
    # and at '=', which is in COMP_WORDBREAKS; then call the completion function.
    complete_line()
    {
        local line=$1 part
        local -a parts
        read -ra parts <<<"$line"
        [[ $line == *' ' ]] && parts+=('')
        COMP_WORDS=()
        for part in "${parts[@]}"; do
            if [[ $part == ?*=* ]]; then
                COMP_WORDS+=("${part%%=*}" '=')
                [[ -n ${part#*=} ]] && COMP_WORDS+=("${part#*=}")
            else
                COMP_WORDS+=("$part")
            fi
        done
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE=$line COMP_POINT=${#line}
        local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
        [[ $cur == = ]] && cur=''
        COMPREPLY=()
        # Nothing may be printed: it would land in the middle of the user's line.
        _backrelief backrelief "$cur" "$prev" >"$tmp/noise" 2>&1
        if [[ -s $tmp/noise ]]; then
            report "'$line<TAB>' printed: $(head -c 300 "$tmp/noise")"
            return 1
        fi
    }
    report()
    {
        echo "FAIL ($mode): $*"
        failed=$((failed + 1))
    }
    sorted() { printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
    # The words of the list $1 that the list $2 lacks (both as sorted() prints them).
    words_not_in() { LC_ALL=C comm -23 <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | tr '\n' ' ' | sed 's/ $//'; }

    # expect LINE WORD...: COMPREPLY is exactly these words (in any order); none for no WORD.
    expect()
    {
        local line=$1
        shift
        complete_line "$line" || return
        local got want
        got=$(sorted "${COMPREPLY[@]}") want=$(sorted "$@")
        if [[ $got == "$want" ]]; then
            passed=$((passed + 1))
        elif ((${#got} + ${#want} < 160)); then
            report "'$line<TAB>': expected [$want], got [$got]"
        else
            # Long lists: say only what differs.
            report "'$line<TAB>': missing [$(words_not_in "$want" "$got")]," \
                "unexpected [$(words_not_in "$got" "$want")]"
        fi
    }
    # expect_includes LINE WORD...: COMPREPLY has at least these words.
    expect_includes()
    {
        local line=$1 word missing=''
        shift
        complete_line "$line" || return
        for word; do
            [[ " ${COMPREPLY[*]} " == *" $word "* ]] || missing+=" $word"
        done
        if [[ -z $missing ]]; then
            passed=$((passed + 1))
        else
            report "'$line<TAB>': missing [${missing# }], got [$(sorted "${COMPREPLY[@]}")]"
        fi
    }
    # expect_lines LINE COMMAND...: COMPREPLY is exactly the lines COMMAND prints.
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

    if [[ $mode == bash-completion ]]; then
        # shellcheck disable=SC1090
        source "$bash_completion" || {
            report "cannot source $bash_completion"
            echo "$passed $failed" >"$counts"
            return
        }
    fi
    # shellcheck disable=SC1090
    source "$script"
    if [[ $(complete -p backrelief 2>&1) == 'complete -F _backrelief backrelief' ]]; then
        passed=$((passed + 1))
    else
        report "the script does not register: $(complete -p backrelief 2>&1)"
    fi
    if ! declare -F _backrelief >/dev/null; then
        report "the script defines no _backrelief function"
        echo "$passed $failed" >"$counts"
        return
    fi

    # Subcommands.
    expect 'backrelief rec' recommend
    expect 'backrelief ' recommend ask analyze techniques rules test config values
    expect_lines 'backrelief ' help_subcommands
    expect 'backrelief rules ' check diff list show
    expect_lines 'backrelief rules ' help_subcommands rules
    expect 'backrelief rules sh' show

    # Option names: a few by hand, then every subcommand's against its --help.
    expect 'backrelief recommend --pre' --pressure
    expect 'backrelief recommend --col' --color --colour --column
    expect 'backrelief recommend --batch --input ' csv json
    expect 'backrelief analyze --' --help --format --json --batch --first-line --input --column --no-header --rules --no-default-rules --no-user-rules --no-cache
    expect 'backrelief test --req' --require-coverage
    expect 'backrelief -' -h --help -V --version
    local sub
    for sub in recommend ask analyze config techniques rules 'rules list' 'rules check' \
        'rules show' test values; do
        # shellcheck disable=SC2086
        expect_lines "backrelief $sub -" help_options $sub
    done

    # Values asked of `backrelief values`.
    expect 'backrelief recommend -c blood' blood-thinners
    expect 'backrelief recommend -p low -c blood' blood-thinners
    expect 'backrelief recommend -cblood' -cblood-thinners
    expect 'backrelief config --condition=blood' blood-thinners
    expect_includes 'backrelief recommend --why-not de' deep-tissue
    expect_lines 'backrelief recommend --why-not de' sh -c 'backrelief values technique | grep "^de"'
    expect 'backrelief recommend --why-not swed' swedish
    expect 'backrelief recommend --avoid nm' nmt
    expect 'backrelief rules show low-pressure-f' low-pressure-favours-swedish
    expect 'backrelief values ' technique condition goal area pressure format color rule question
    expect_lines 'backrelief values ' help_choices values KIND
    expect 'backrelief recommend -p l' low light
    expect 'backrelief recommend -c pregnancy --pressure f' firm
    expect_lines 'backrelief recommend -c ' backrelief values condition
    expect_lines 'backrelief config -g ' backrelief values goal
    expect_lines 'backrelief recommend --area ' backrelief values area
    expect_lines 'backrelief recommend --pressure ' backrelief values pressure
    expect_lines 'backrelief recommend --avoid ' backrelief values technique
    expect_lines 'backrelief techniques ' backrelief values technique
    expect_lines 'backrelief rules show ' backrelief values rule
    expect_lines 'backrelief recommend --color ' backrelief values color
    expect 'backrelief recommend --colour=al' always
    # --answer: a warning-sign question's id and '=', for the answer to follow.
    expect 'backrelief recommend --answer saddle' saddle-numbness=
    expect 'backrelief ask --answer chest' chest-pain=
    expect_includes 'backrelief recommend --answer ' fever= both-legs=

    # Formats: recommend has three, analyze two.
    expect 'backrelief recommend -f ' text json tsv csv
    expect 'backrelief recommend --format=' text json tsv csv
    expect 'backrelief recommend --format=j' json
    expect_lines 'backrelief recommend -f ' help_choices recommend FORMAT
    expect 'backrelief analyze -f ' text json tsv csv
    expect 'backrelief analyze --format=' text json tsv csv
    expect_lines 'backrelief analyze -f ' help_choices analyze FORMAT

    # Rule options on the line are passed on: a condition of extra.yaml is offered only
    # when the line loads it, in every spelling of the option.
    expect 'backrelief recommend -c zz'
    expect 'backrelief recommend --rules extra.yaml -c zz' zz-completion-test zz-completion-alias
    expect 'backrelief recommend -r extra.yaml -c zz-completion-t' zz-completion-test
    expect 'backrelief recommend --rules=extra.yaml -c zz' zz-completion-test zz-completion-alias
    expect 'backrelief recommend -rextra.yaml --condition zz' zz-completion-test zz-completion-alias
    expect 'backrelief config -c zz -r extra.yaml -c zz' zz-completion-test zz-completion-alias
    expect 'backrelief recommend -c blood -r extra.yaml -c blood' blood-thinners
    # --no-default-rules alone loads no techniques: backrelief fails, and offers nothing.
    expect 'backrelief recommend --no-default-rules -c '
    expect_includes 'backrelief recommend -c ' blood-thinners
    # A broken rule file: nothing offered, and nothing printed (complete_line checks that).
    expect 'backrelief recommend -r broken.yaml -c '
    expect 'backrelief rules show -r broken.yaml low'
    # `-r -` would read standard input: left out, so the terminal is never read.
    expect 'backrelief recommend -r - -c blood' blood-thinners <stdin.yaml
    expect 'backrelief recommend -r - -c zz' <stdin.yaml

    # File names.
    expect 'backrelief recommend --rules ex' extra.yaml
    expect 'backrelief recommend --rules=ex' extra.yaml
    expect 'backrelief recommend --config ex' extra.yaml
    expect 'backrelief rules check ex' extra.yaml
    expect 'backrelief rules check extra.yaml b' broken.yaml
    expect 'backrelief test ' broken.yaml extra.yaml more stdin.yaml
    expect 'backrelief test -r extra.yaml st' stdin.yaml

    # Nothing where the user types free text, or no more words are taken.
    expect 'backrelief recommend '
    expect 'backrelief recommend my lower b'
    expect 'backrelief recommend --age '
    expect 'backrelief recommend --top '
    expect 'backrelief techniques swedish '
    expect 'backrelief rules show stay-active '
    expect 'backrelief values technique '
    expect 'backrelief recommend -- -'

    echo "$passed $failed" >"$counts"
}

# bash-completion's main script, if installed (BASH_COMPLETION_SCRIPT names another).
bash_completion=${BASH_COMPLETION_SCRIPT:-}
if [[ -z $bash_completion ]]; then
    for candidate in /usr/share/bash-completion/bash_completion \
        /usr/local/share/bash-completion/bash_completion; do
        [[ -r $candidate ]] && bash_completion=$candidate && break
    done
fi

modes=(plain)
if [[ -n $bash_completion ]]; then
    modes+=(bash-completion)
else
    echo "note: bash-completion is not installed: checked with plain bash only"
fi

total_passed=0 total_failed=0
for mode in "${modes[@]}"; do
    # A subshell per mode, so that bash-completion's functions do not reach the plain run.
    rm -f "$tmp/counts"
    (run_cases "$tmp/counts" "$mode")
    read -r passed failed <"$tmp/counts" || { passed=0 failed=1; echo "FAIL ($mode): did not finish"; }
    total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed))
done

echo "$total_passed passed, $total_failed failed"
((total_failed == 0))
