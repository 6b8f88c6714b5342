#!/usr/bin/env bash
# Drive the zsh completion of backrelief through zsh's own completion system, and check
# what it offers.
#
# Usage: check_zsh_completion.sh BINARY COMPLETION_SCRIPT
#
# An interactive `zsh -f` runs on a pseudo-terminal (the zsh/zpty module, as zsh's own
# completion tests do), with compinit and an fpath holding a copy of the completion
# script. For each case the line is typed, then ^D (list-choices: the listing TAB shows,
# without changing the line) or TAB itself, and the terminal output is read back. The
# list-colors style wraps every match zsh displays in markers, so the listing is read
# exactly, whatever its layout. Option and subcommand names are also compared with
# --help, so that a new option fails here until the completion knows it. Exits 0 when
# every check passes, 77 when zsh or its zpty module is missing; prints each failure
# otherwise.
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
zsh=${ZSH_BINARY:-$(command -v zsh)} || true
if [[ -z $zsh || ! -f $zsh || ! -x $zsh ]]; then
    echo "SKIP: zsh is not installed"
    exit 77
fi
if ! "$zsh" -f -c 'zmodload zsh/zpty && zmodload zsh/zselect && zmodload zsh/datetime' 2>/dev/null; then
    echo "SKIP: zsh has no zsh/zpty, zsh/zselect or zsh/datetime module"
    exit 77
fi
# A root without /dev/pts (a chroot, some containers) has no pseudo-terminal to give zsh.
if ! "$zsh" -f -c 'zmodload zsh/zpty && zpty probe true && zpty -d probe' >/dev/null 2>&1; then
    echo "SKIP: no pseudo-terminal can be opened here"
    exit 77
fi

# shellcheck source-path=SCRIPTDIR source=fixture.sh
source "$(dirname "$(realpath "$0")")/fixture.sh"
# zsh's own: the completion under test as the only function on fpath, and no user zsh setup.
mkdir -p "$tmp/fpath" "$tmp/results"
cp -- "$script" "$tmp/fpath/_backrelief" || exit 2
export ZDOTDIR="$tmp/home"

# The interactive shell's setup: completion as a user has it after compinit, a listing
# that is never cut short or asked about, every displayed match between markers, ^D bound
# to list-choices, and ^Z to a widget that prints the line and an end marker, then starts
# afresh on an empty line. What the shell writes to standard error (where an error of
# backrelief would show) goes to a file.
cat >"$tmp/zshrc" <<EOF
stty rows 500 columns 250 2>/dev/null
PS1='<PROMPT>' PS2='' RPS1='' RPS2=''
fpath=(${tmp@Q}/fpath \$fpath)
autoload -U compinit && compinit -u -D
LISTMAX=100000
zstyle ':completion:*:default' list-colors 'no=<NO>' 'fi=<FI>' 'di=<DI>' 'ln=<LN>' \\
    'ex=<EX>' 'pi=<PI>' 'so=<SO>' 'bd=<BD>' 'cd=<CD>' 'mi=<MI>' 'or=<OR>' \\
    'lc=<LC>' 'rc=<RC>' 'ec=<EC>'
zstyle ':completion:*' group-name ''
zstyle ':completion:*:messages' format '<MESSAGE>%d</MESSAGE>'
zstyle ':completion:*:descriptions' format '<DESCRIPTION>%d</DESCRIPTION>'
zstyle ':completion:*:warnings' format '<WARNING>%d</WARNING>'
setopt ignore_eof
bindkey '^D' list-choices
bindkey '^I' complete-word
zle-finish() {
  print -r -- "<BUFFER>\$BUFFER</BUFFER>::END::"
  BUFFER=''
  zle accept-line
}
zle -N zle-finish
bindkey '^Z' zle-finish
exec 2>>${tmp@Q}/stderr
print '::READY::'
EOF

# The driver, run by ZSH: reads "KEY<TAB>LINE" cases from $tmp/cases (KEY is list or tab), and for
# case N writes the terminal output to results/N and what went to standard error to
# results/N.noise. A case that does not finish within 5 s is marked with results/N.timeout
# and the shell is started afresh.
cat >"$tmp/driver.zsh" <<'EOF'
zmodload zsh/zpty zsh/zselect zsh/datetime || exit 2
results=$1 errfile=$2 rc=$3 zsh=$4
start() {
  zpty -d z 2>/dev/null
  zpty z ${(q)zsh} -f -i || exit 2
  zpty -w z "source ${(q)rc}"
  read_until '::READY::' 10 && read_until '<PROMPT>' 10
}
# Read the shell's output into $out until it holds $1, for at most $2 seconds.
read_until() {
  local chunk deadline=$(( EPOCHREALTIME + $2 ))
  out=''
  while [[ $out != *"$1"* ]]; do
    if zpty -rt z chunk; then
      out+=$chunk
    elif (( EPOCHREALTIME > deadline )); then
      return 1
    else
      zselect -t 2
    fi
  done
}
start || { print -u2 'the interactive zsh did not start'; exit 2 }
integer n=0
while IFS=$'\t' read -r key line; do
  n+=1
  case $key in
    list) zpty -w -n z "$line"$'\C-d\C-z' ;;
    tab) zpty -w -n z "$line"$'\t\C-z' ;;
  esac
  # Then wait for the next prompt: keys typed before it could be lost.
  if read_until '::END::' 5; then
    print -rn -- "$out" >$results/$n
    read_until '<PROMPT>' 5 || { : >$results/$n.timeout; start || exit 2 }
  else
    print -rn -- "$out" >$results/$n
    : >$results/$n.timeout
    start || exit 2
  fi
  if [[ -s $errfile ]]; then
    cat $errfile >$results/$n.noise
    : >$errfile
  fi
done <$results/../cases
zpty -d z
EOF

passed=0 failed=0
report()
{
    echo "FAIL: $*"
    failed=$((failed + 1))
}
sorted() { printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
# The words of the list $1 that the list $2 lacks (both as sorted() prints them).
words_not_in() { LC_ALL=C comm -23 <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | tr '\n' ' ' | sed 's/ $//'; }

# The cases run in two passes over all_cases: the first (collecting) only writes each
# line to $tmp/cases, the driver then types them all in one shell, and the second pass
# checks what each one showed. case_number counts the cases in both passes alike.
collecting=true case_number=0

# Read case $case_number, typed as LINE with KEY: the matches listed into candidates, the
# line after the key into buffer. Fails (after reporting) when the case timed out or
# printed anything.
complete_line()
{
    local key=$1 line=$2
    case_number=$((case_number + 1))
    if $collecting; then
        printf '%s\t%s\n' "$key" "$line" >>"$tmp/cases"
        return 1
    fi
    local result=$tmp/results/$case_number
    candidates=() buffer=''
    if [[ ! -e $result || -e $result.timeout ]]; then
        report "'$line<$key>': zsh did not finish within 5 s:" \
            "$(tr -d '\r' <"$result" 2>/dev/null | tail -c 300 | cat -v)"
        return 1
    fi
    # Read in bash itself: forks are slow on a busy machine.
    local output='' text match_re='<LC><[A-Z][A-Z]><RC>([^<]*)<EC>'
    IFS= read -r -d '' output <"$result"
    # Nothing may be printed: it would land in the middle of the user's line.
    if [[ -s $result.noise || $output == *'backrelief: '* ]]; then
        text=${output#*'backrelief: '}
        [[ $text == "$output" ]] && text='' || text="backrelief: ${text:0:300}"
        report "'$line<$key>' printed: $(cat "$result.noise" 2>/dev/null)$text"
        return 1
    fi
    # Every displayed match is <LC><TYPE><RC>TEXT<EC>, where TEXT is the match, or for a
    # described one, the match and "  -- description" (or the description alone, in a
    # column of its own; a padding column has the type 0).
    while [[ $output =~ $match_re ]]; do
        output=${output#*"${BASH_REMATCH[0]}"}
        text=${BASH_REMATCH[1]}
        text=${text%%'  -- '*}
        text=${text#"${text%%[! ]*}"} text=${text%"${text##*[! ]}"}
        [[ -z $text || $text == '-- '* ]] || candidates+=("$text")
    done
    [[ $output =~ '<BUFFER>'(.*)'</BUFFER>' ]] && buffer=${BASH_REMATCH[1]}
    return 0
}

# expect LINE WORD...: zsh lists exactly these words (in any order); none for no WORD.
expect()
{
    local line=$1
    shift
    complete_line list "$line" || return
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
# expect_includes LINE WORD...: zsh lists at least these words.
expect_includes()
{
    local line=$1 word missing=''
    shift
    complete_line list "$line" || return
    for word; do
        [[ " ${candidates[*]} " == *" $word "* ]] || missing+=" $word"
    done
    if [[ -z $missing ]]; then
        passed=$((passed + 1))
    else
        report "'$line<TAB>': missing [${missing# }], got [$(sorted "${candidates[@]}")]"
    fi
}
# expect_lines LINE COMMAND...: zsh lists exactly the lines COMMAND prints.
expect_lines()
{
    local line=$1 output
    shift
    if $collecting; then
        expect "$line"
        return
    fi
    output=$("$@" 2>&1) || {
        complete_line list "$line"
        report "'$line<TAB>': could not get the expected words from '$*': $output"
        return
    }
    [[ -n $output ]] || {
        complete_line list "$line"
        report "'$line<TAB>': '$*' printed nothing to compare with"
        return
    }
    local -a words
    mapfile -t words <<<"$output"
    expect "$line" "${words[@]}"
}
# expect_only_options LINE: every word zsh lists is an option.
expect_only_options()
{
    local line=$1 word others=()
    complete_line list "$line" || return
    for word in "${candidates[@]}"; do
        [[ $word == -* ]] || others+=("$word")
    done
    if ((${#others[@]} == 0)); then
        passed=$((passed + 1))
    else
        report "'$line<TAB>': expected only options, got [$(sorted "${others[@]}")] too"
    fi
}
# expect_tab LINE AFTER: pressing TAB once after LINE leaves the line AFTER.
expect_tab()
{
    complete_line tab "$1" || return
    if [[ $buffer == "$2" ]]; then
        passed=$((passed + 1))
    else
        report "'$1<TAB>': expected the line '$2', got '$buffer'"
    fi
}

all_cases()
{
    # TAB itself completes a unique match, and the value the rules give.
    expect_tab 'backrelief rec' 'backrelief recommend '
    expect_tab 'backrelief config --pa' 'backrelief config --path '
    expect_tab 'backrelief config --pres' 'backrelief config --pressure='
    expect_tab 'backrelief recommend --pres' 'backrelief recommend --pressure='
    expect_tab 'backrelief recommend -p fi' 'backrelief recommend -p firm '
    expect_tab 'backrelief recommend -c blood-t' 'backrelief recommend -c blood-thinners '
    expect_tab 'backrelief recommend -r extra.yaml -c zz-completion-t' \
        'backrelief recommend -r extra.yaml -c zz-completion-test '

    # Subcommands.
    expect 'backrelief rec' recommend
    expect 'backrelief ' recommend ask analyze techniques rules test config values
    expect_lines 'backrelief ' help_subcommands
    expect 'backrelief rules ' check diff list show
    expect_lines 'backrelief rules ' help_subcommands rules
    expect 'backrelief rules sh' show

    # Option names: a few by hand, then every subcommand's against its --help, both the
    # long ones after `--` and all of them after `-`.
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
        expect_lines "backrelief $sub --" help_long_options $sub
        # shellcheck disable=SC2086
        expect_lines "backrelief $sub -" help_options $sub
    done

    # Pressure: the three levels and their synonyms, as `backrelief values pressure` has them.
    expect_includes 'backrelief recommend --pressure ' low medium firm
    expect_lines 'backrelief recommend --pressure ' backrelief values pressure
    expect_lines 'backrelief recommend -p ' backrelief values pressure
    expect_lines 'backrelief recommend --pressure=' backrelief values pressure
    expect 'backrelief recommend -p l' low light
    expect 'backrelief recommend -pl' low light
    expect 'backrelief recommend -c pregnancy --pressure f' firm
    expect 'backrelief config --pressure m' medium moderate

    # Other values asked of `backrelief values`.
    expect 'backrelief recommend -c blood' blood-thinners
    expect 'backrelief recommend -p low -c blood' blood-thinners
    expect 'backrelief recommend -cblood' blood-thinners
    expect 'backrelief config --condition=blood' blood-thinners
    expect_lines 'backrelief recommend -c ' backrelief values condition
    expect_lines 'backrelief recommend --condition ' backrelief values condition
    expect_lines 'backrelief config -g ' backrelief values goal
    expect_lines 'backrelief recommend --area ' backrelief values area
    expect_lines 'backrelief recommend --avoid ' backrelief values technique
    expect_lines 'backrelief recommend --why-not ' backrelief values technique
    expect_lines 'backrelief techniques ' backrelief values technique
    expect_lines 'backrelief rules show ' backrelief values rule
    expect_lines 'backrelief recommend --color ' backrelief values color
    expect 'backrelief recommend --colour=al' always
    expect 'backrelief values ' technique condition goal area pressure format color rule question
    expect_lines 'backrelief values ' help_choices values KIND
    # --answer: a warning-sign question's id and '=', for the answer to follow.
    expect_includes 'backrelief recommend --answer ' fever= both-legs=

    # Formats: recommend has three, analyze two.
    expect 'backrelief recommend -f ' text json tsv csv
    expect_lines 'backrelief recommend -f ' help_choices recommend FORMAT
    expect 'backrelief analyze -f ' text json tsv csv
    expect 'backrelief analyze --format=' text json tsv csv
    expect_lines 'backrelief analyze -f ' help_choices analyze FORMAT

    # Rule options on the line are passed on: a condition of extra.yaml is offered only
    # when the line loads it, in every spelling of the option.
    expect 'backrelief recommend -c zz'
    expect 'backrelief recommend -r extra.yaml -c zz' zz-completion-test zz-completion-alias
    expect 'backrelief recommend --rules extra.yaml -c zz' zz-completion-test zz-completion-alias
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
    # `-r -` would read standard input (here the terminal): left out, so it is never read.
    expect 'backrelief recommend -r - -c blood' blood-thinners
    expect 'backrelief recommend -r - -c zz'

    # File names.
    expect 'backrelief recommend --rules ex' extra.yaml
    expect 'backrelief recommend --config ex' extra.yaml
    expect 'backrelief rules check ex' extra.yaml
    expect 'backrelief test ' broken.yaml extra.yaml more stdin.yaml

    # Nothing where the user types free text; where no more words are taken, only the
    # options (zsh offers them without a '-' when no argument can follow).
    expect 'backrelief recommend '
    expect 'backrelief recommend my lower b'
    expect 'backrelief recommend --age '
    expect 'backrelief recommend --top '
    expect_only_options 'backrelief techniques swedish '
    expect_only_options 'backrelief rules show stay-active '
    expect_only_options 'backrelief values technique '
}

all_cases
timeout 60 "$zsh" -f "$tmp/driver.zsh" "$tmp/results" "$tmp/stderr" "$tmp/zshrc" "$zsh" ||
    report "the driver ended with status $?"
collecting=false case_number=0
all_cases

echo "$passed passed, $failed failed"
((failed == 0))
