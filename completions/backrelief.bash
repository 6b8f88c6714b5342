# bash completion for backrelief                           -*- shell-script -*-
#
# Installed as share/bash-completion/completions/backrelief. Works with the
# bash-completion helpers when they are loaded, and with plain bash without them:
#   source backrelief.bash
#
# Subcommand and option names are listed here (tests/completion/check_bash_completion.sh
# fails when they drift from --help). Every value that comes from the rules (techniques,
# conditions, goals, areas, pressures, formats, colours, rule ids) is asked of
# `backrelief values KIND`, with the -r/--rules and --no-default-rules of the line being
# completed, so the list follows the user's own rules and never goes stale.

# Print the options of one subcommand path ("", "recommend", "rules", "rules check", ...).
_backrelief_options()
{
    local rules='-r --rules --no-default-rules --no-user-rules --no-cache'
    local profile='-p --pressure -g --goal -a --area -c --condition --avoid --age --duration --intensity
        -n --top -f --format --json --color --colour --config --no-config'
    case $1 in
        '') echo -h --help -V --version ;;
        recommend) echo -h --help "$profile" "$rules" --answer --batch --first-line --input --column --explain --trace --why-not --no-header ;;
        ask) echo -h --help "$profile" "$rules" --answer --answers ;;
        config) echo -h --help "$profile" "$rules" --path ;;
        analyze) echo -h --help -f --format --json --batch --first-line --input --column --no-header "$rules" ;;
        techniques | values | 'rules show') echo -h --help -f --format --json "$rules" ;;
        'rules list') echo -h --help -l --long -f --format --json "$rules" ;;
        'rules diff') echo -h --help --scenarios --profiles -f --format --json "$rules" ;;
        'rules check') echo -h --help --strict --scenarios -f --format --json "$rules" ;;
        rules) echo -h --help ;;
        test) echo -h --help --require-coverage -v --verbose -f --format --json "$rules" ;;
    esac
}

# Print the values of KIND from the rules the line loads. Standard input is closed so
# that `-r -` cannot wait on the terminal, and errors (a broken rule file) are dropped
# so that completion never prints anything.
_backrelief_values()
{
    "$cmd" values "$1" "${rules_args[@]}" </dev/null 2>/dev/null
}

# Add to COMPREPLY the words given that start with $cur, each with $prefix before it.
# Plain string matching, not `compgen -W`, so that a word from a user's rule file is
# never expanded by the shell.
_backrelief_add()
{
    local word
    for word; do
        [[ -n $word && $word == "$cur"* ]] && COMPREPLY+=("$prefix$word")
    done
    return 0
}

# Add the values of KIND that start with $cur.
_backrelief_add_values()
{
    local -a values
    mapfile -t values < <(_backrelief_values "$1")
    _backrelief_add "${values[@]}"
}

# Add the options of a subcommand path that start with $cur.
_backrelief_add_options()
{
    local -a options
    read -ra options -d '' < <(_backrelief_options "$1")
    _backrelief_add "${options[@]}"
}

# Complete $cur as a file or directory name.
_backrelief_files()
{
    if [[ -z $prefix ]] && declare -F _filedir >/dev/null; then
        _filedir
        return 0
    fi
    compopt -o filenames 2>/dev/null
    local file
    while IFS= read -r file; do
        COMPREPLY+=("$prefix$file")
    done < <(compgen -f -- "$cur")
    return 0
}

# Append a rule path, as typed on the line, to rules_args as the program will see it:
# quotes removed and a leading ~ expanded. `-` (standard input) is left out.
_backrelief_add_rules_path()
{
    local path=$1
    case $path in
        \'*\' | \"*\") path=${path:1:${#path}-2} ;;
        \~ | \~/*) path=$HOME${path:1} ;;
        *) path=${path//\\/} ;;
    esac
    [[ -n $path && $path != - ]] && rules_args+=(--rules "$path")
}

# Without bash-completion: take words and cword from COMP_WORDS, joining --opt=value back
# together, since bash splits it at '=' (COMP_WORDBREAKS) into --opt, =, value.
_backrelief_plain_words()
{
    local i word last=''
    words=() cword=${#COMP_WORDS[@]}
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if ((i > 1)) && [[ ($word == = && $last == -*) ||
            ($last == -*= && ${COMP_WORDS[i-1]} == =) ]]; then
            words[${#words[@]}-1]+=$word
        else
            words+=("$word")
        fi
        last=${words[${#words[@]}-1]}
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    cur=${words[cword]-}
    prev=${words[cword-1]-}
    if [[ $cur == --?*=* ]]; then
        prev=${cur%%=*} cur=${cur#*=} split=true
    fi
}

_backrelief()
{
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        _backrelief_plain_words
    fi

    # The program to ask: the one being completed (./build/src/backrelief too), else
    # backrelief from PATH.
    local cmd=${words[0]}
    [[ $cmd == \~/* ]] && cmd=$HOME${cmd:1}
    type -P -- "$cmd" >/dev/null 2>&1 || cmd=backrelief

    # Walk the words before the cursor: the subcommand path, how many positionals it has,
    # the rule options to pass on, and whether the cursor is on an option's value.
    local sub='' npos=0 want='' end_of_options=false word i
    local -a rules_args=()
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if $end_of_options || [[ $word != -* || $word == - ]]; then
            if [[ -z $sub ]]; then
                sub=$word
            elif [[ $sub == rules ]]; then
                sub="rules $word"
            else
                npos=$((npos + 1))
            fi
            continue
        fi
        case $word in
            --) end_of_options=true ;;
            --no-default-rules | --no-user-rules) rules_args+=("$word") ;;
            --rules=*) _backrelief_add_rules_path "${word#*=}" ;;
            -r?*) _backrelief_add_rules_path "${word:2}" ;;
            -r | --rules | -p | --pressure | -g | --goal | -a | --area | -c | --condition | \
                --avoid | --age | --duration | --intensity | -n | --top | -f | --format | --color | \
                --colour | --config | --why-not | --answer | --answers | --scenarios | --profiles | --first-line | --input | --column)
                # An option that takes the next word as its value.
                if ((i + 1 < cword)); then
                    [[ $word == -r || $word == --rules ]] &&
                        _backrelief_add_rules_path "${words[i+1]}"
                    ((i++))
                else
                    want=$word
                fi
                ;;
        esac
    done

    # The value of --opt=value: with '=' in COMP_WORDBREAKS (the default) bash replaces only
    # what follows '=', else the whole word.
    local prefix=''
    if $split; then
        want=$prev
        [[ $COMP_WORDBREAKS == *=* ]] || prefix="$prev="
    elif [[ -z $want && $end_of_options == false && $cur == -[pgacfr]?* ]]; then
        # A value stuck to its short option: -cblood -> -cblood-thinners.
        want=${cur:0:2} prefix=${cur:0:2} cur=${cur:2}
    fi

    COMPREPLY=()
    if [[ -n $want ]]; then
        case $want in
            -p | --pressure) _backrelief_add_values pressure ;;
            -g | --goal) _backrelief_add_values goal ;;
            -a | --area) _backrelief_add_values area ;;
            -c | --condition) _backrelief_add_values condition ;;
            --avoid | --why-not) _backrelief_add_values technique ;;
            -f | --format)
                # values and rules show write text or json only; recommend and analyze also
                # csv (one row per person of --batch); the others the formats of `values format`.
                if [[ $sub == values || $sub == 'rules show' || $sub == 'rules diff' ]]; then
                    _backrelief_add text json
                elif [[ $sub == 'rules check' ]]; then
                    _backrelief_add text json sarif
                elif [[ $sub == analyze ]]; then
                    _backrelief_add text json tsv csv
                elif [[ $sub == recommend ]]; then
                    _backrelief_add_values format
                    _backrelief_add csv
                else
                    _backrelief_add_values format
                fi
                ;;
            --color | --colour) _backrelief_add_values color ;;
            --input) _backrelief_add json csv ;;
            -r | --rules | --config | --answers | --scenarios) _backrelief_files ;;
            --answer)
                # A question id and '=': the answer follows.
                local id
                for id in $(_backrelief_values question); do
                    [[ $id == "$cur"* ]] && COMPREPLY+=("$prefix$id=")
                done
                compopt -o nospace 2>/dev/null
                ;;
            # --age, --duration, --top: a number or span the user types.
        esac
        return 0
    fi

    if [[ $end_of_options == false && $cur == -* ]]; then
        _backrelief_add_options "$sub"
        return 0
    fi

    case $sub in
        '') _backrelief_add recommend ask analyze techniques rules test config values ;;
        rules) _backrelief_add list check show diff ;;
        techniques) ((npos == 0)) && _backrelief_add_values technique ;;
        'rules show') ((npos == 0)) && _backrelief_add_values rule ;;
        values)
            ((npos == 0)) &&
                _backrelief_add technique condition goal area pressure format color rule question
            ;;
        'rules check' | 'rules diff' | test) _backrelief_files ;;
        # No positionals: the options are all there is to type.
        config | ask | 'rules list') _backrelief_add_options "$sub" ;;
        # recommend and analyze take a description in the user's own words.
    esac
    return 0
}

complete -F _backrelief backrelief
