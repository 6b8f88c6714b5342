# fish completion for backrelief. Installed as share/fish/vendor_completions.d/backrelief.fish.
#
# Subcommand and option names are listed here, as in --help. Every value that comes from
# the rules (techniques, conditions, goals, areas, pressures, formats, colours, rule ids)
# is asked of `backrelief values KIND`, with the -r/--rules and --no-default-rules of the
# line being completed, so the list follows the user's own rules and never goes stale.

# The options that take the next word as their value, so that it is not a positional.
set -g __backrelief_value_options -r --rules -p --pressure -g --goal -a --area -c --condition \
    --avoid --age --duration --intensity -n --top -f --format --color --colour --config --why-not \
    --answer --answers --scenarios --profiles --first-line --input --column

# Print the subcommand path of the line ("", "recommend", "rules show", ...), then one line
# per positional after it, up to the cursor.
function __backrelief_words
    set -l tokens (commandline -opc)
    set -l sub ''
    set -l positionals
    set -l options_end false
    set -l i 2
    while test $i -le (count $tokens)
        set -l token $tokens[$i]
        set i (math $i + 1)
        if $options_end
            # After `--` every word is a positional.
        else if test "$token" = --
            set options_end true
            continue
        else if contains -- $token $__backrelief_value_options
            set i (math $i + 1)
            continue
        else if string match -q -- '-?*' $token
            continue
        end
        if test -z "$sub"
            set sub $token
        else if test "$sub" = rules
            set sub "rules $token"
        else
            set -a positionals $token
        end
    end
    printf '%s\n' $sub $positionals
end

# True when the line's subcommand path is one of the arguments.
function __backrelief_using
    set -l words (__backrelief_words)
    contains -- "$words[1]" $argv
end

# True when the subcommand path has no positional yet (for those that take one).
function __backrelief_no_positional
    set -l words (__backrelief_words)
    test (count $words) -le 1
end

# Print the -r/--rules and --no-default-rules of the line, as backrelief will see them:
# a leading ~ expanded, and `-` (standard input) left out.
function __backrelief_rules_args
    set -l tokens (commandline -opc)
    set -l i 2
    while test $i -le (count $tokens)
        set -l token $tokens[$i]
        set -l file
        set i (math $i + 1)
        switch $token
            case --
                break
            case --no-default-rules --no-user-rules
                echo -- $token
            case -r --rules
                if test $i -le (count $tokens)
                    set file $tokens[$i]
                    set i (math $i + 1)
                end
            case '--rules=*'
                set file (string replace -- --rules= '' $token)
            case '-r?*'
                set file (string sub -s 3 -- $token)
        end
        set file (string replace -r -- '^~(?=/|$)' $HOME $file)
        if test -n "$file" -a "$file" != -
            printf '%s\n' --rules $file
        end
    end
end

# Print the values of KIND from the rules the line loads. Standard input is closed so
# that `-r -` cannot wait on the terminal, and errors (a broken rule file) are dropped
# so that completion never prints anything.
function __backrelief_values -a kind
    # The program being completed (./build/src/backrelief too), else backrelief from PATH.
    set -l cmd (commandline -opc)[1]
    set cmd (string replace -r -- '^~(?=/)' $HOME $cmd)
    if not string match -q -- '*/*' $cmd; or not test -x $cmd
        set cmd backrelief
    end
    command $cmd values $kind (__backrelief_rules_args) </dev/null 2>/dev/null
end

# A warning-sign question's id and '=' for --answer, then its answers once the '=' is typed.
function __backrelief_answers
    set -l token (string replace -r -- '^--answer=' '' (commandline -ct))
    if string match -q -- '*=*' $token
        set -l id (string split -m1 = -- $token)[1]
        printf '%s\n' $id=yes $id=no $id=not-sure
    else
        for id in (__backrelief_values question)
            echo $id=
        end
    end
end

# Descriptions are in the user's own words or option values: no file names unless asked.
complete -c backrelief -f

# Subcommands.
complete -c backrelief -n "__backrelief_using ''" -s h -l help -d 'Print help and exit'
complete -c backrelief -n "__backrelief_using ''" -s V -l version -d 'Print version and exit'
complete -c backrelief -n "__backrelief_using ''" -a recommend -d 'Rank the massage techniques for one person'
complete -c backrelief -n "__backrelief_using ''" -a ask -d 'A guided interview: warning signs first'
complete -c backrelief -n "__backrelief_using ''" -a analyze -d 'Show what is understood from a description'
complete -c backrelief -n "__backrelief_using ''" -a techniques -d 'List the techniques, or describe one'
complete -c backrelief -n "__backrelief_using ''" -a rules -d 'List, check, show or diff the loaded rules'
complete -c backrelief -n "__backrelief_using ''" -a test -d 'Run scenario files against the rules'
complete -c backrelief -n "__backrelief_using ''" -a config -d 'Show every setting recommend would use'
complete -c backrelief -n "__backrelief_using ''" -a values -d 'Print the values an option accepts'
complete -c backrelief -n "__backrelief_using rules" -a list -d 'Every loaded rule'
complete -c backrelief -n "__backrelief_using rules" -a check -d 'Validate rule files'
complete -c backrelief -n "__backrelief_using rules" -a show -d 'One rule as loaded, with its origin'
complete -c backrelief -n "__backrelief_using rules" -a diff -d 'What a change of rules does to people'
complete -c backrelief -n "__backrelief_using 'rules list'" -s l -l long -d 'Each rule in three lines, its condition in words'

# Options every subcommand has: help, and the rules to load.
# One string, spliced into each condition, so that 'rules list' stays one word there.
set -l with_rules "recommend ask analyze config techniques test values 'rules list' 'rules check' 'rules show' 'rules diff'"
complete -c backrelief -n "__backrelief_using $with_rules rules" -s h -l help -d 'Print help and exit'
complete -c backrelief -n "__backrelief_using $with_rules" -s r -l rules -r -F -d 'Load this rule file or directory'
complete -c backrelief -n "__backrelief_using $with_rules" -l no-default-rules -d 'Leave out the shipped rules'
complete -c backrelief -n "__backrelief_using $with_rules" -l no-user-rules -d 'Leave out your own rules'
complete -c backrelief -n "__backrelief_using $with_rules" -l no-cache -d 'Parse the rule files even when cached'

# recommend, ask and config: one person's profile, and how to print.
set -l profile "recommend ask config"
complete -c backrelief -n "__backrelief_using $profile" -s p -l pressure -x -a '(__backrelief_values pressure)' -d 'Preferred pressure'
complete -c backrelief -n "__backrelief_using $profile" -s g -l goal -x -a '(__backrelief_values goal)' -d 'What you want most'
complete -c backrelief -n "__backrelief_using $profile" -s a -l area -x -a '(__backrelief_values area)' -d 'Where it hurts'
complete -c backrelief -n "__backrelief_using $profile" -s c -l condition -x -a '(__backrelief_values condition)' -d 'A health condition'
complete -c backrelief -n "__backrelief_using $profile" -l avoid -x -a '(__backrelief_values technique)' -d 'A technique you do not want'
complete -c backrelief -n "__backrelief_using $profile" -l age -x -d 'Age in years'
complete -c backrelief -n "__backrelief_using $profile" -l duration -x -d 'How long the pain has lasted: 10d, 3w, 6m, 2y'
complete -c backrelief -n "__backrelief_using $profile" -l intensity -x -d 'How strong the pain is, 0 to 10'
complete -c backrelief -n "__backrelief_using $profile" -s n -l top -x -d 'Print at most N suggestions'
complete -c backrelief -n "__backrelief_using $profile" -s f -l format -x -a '(__backrelief_values format)' -d 'Output format'
complete -c backrelief -n "__backrelief_using $profile analyze" -l json -d 'Short for --format json'
complete -c backrelief -n "__backrelief_using $profile" -l color -l colour -x -a '(__backrelief_values color)' -d 'Colour'
complete -c backrelief -n "__backrelief_using $profile" -l config -r -F -d 'Read standing defaults from this file'
complete -c backrelief -n "__backrelief_using $profile" -l no-config -d 'Read no config file'
complete -c backrelief -n "__backrelief_using recommend" -s f -l format -x -a 'csv' -d 'Output format'
complete -c backrelief -n "__backrelief_using recommend analyze" -l batch -d 'Read one JSON profile per line from standard input'
complete -c backrelief -n "__backrelief_using recommend analyze" -l first-line -x -d 'With --batch: the number of the first input line'
complete -c backrelief -n "__backrelief_using recommend analyze" -l input -x -a 'json csv' -d 'With --batch: what standard input holds'
complete -c backrelief -n "__backrelief_using recommend analyze" -l column -x -d 'With --input csv: KEY=HEADER'
complete -c backrelief -n "__backrelief_using recommend" -l explain -d 'Show every rule behind each score'
complete -c backrelief -n "__backrelief_using recommend" -l trace -d 'Show every rule evaluated'
complete -c backrelief -n "__backrelief_using recommend" -l why-not -x -a '(__backrelief_values technique)' -d 'Explain what keeps this technique down'
complete -c backrelief -n "__backrelief_using recommend analyze" -l no-header -d 'Leave out the header line of TSV or CSV'
complete -c backrelief -n "__backrelief_using config" -l path -d 'Print only the path of the config file'
complete -c backrelief -n "__backrelief_using recommend ask" -l answer -x -a '(__backrelief_answers)' -d 'Answer a warning-sign question'
complete -c backrelief -n "__backrelief_using ask" -l answers -r -F -d 'Replay the answers in this file without asking'

# values and rules show write text or json only; techniques, rules list and test a table too;
# analyze, for --batch, rows of csv or tsv.
complete -c backrelief -n "__backrelief_using values 'rules show' 'rules diff'" -s f -l format -x -a 'text json' -d 'Output format'
complete -c backrelief -n "__backrelief_using analyze" -s f -l format -x -a 'text json tsv csv' -d 'Output format'
complete -c backrelief -n "__backrelief_using techniques 'rules list' test" -s f -l format -x -a 'text json tsv' -d 'Output format'
complete -c backrelief -n "__backrelief_using techniques values 'rules list' 'rules show' test" -l json -d 'Short for --format json'

# Positionals: a technique, a rule id, a kind, or files.
complete -c backrelief -n "__backrelief_using techniques; and __backrelief_no_positional" -a '(__backrelief_values technique)'
complete -c backrelief -n "__backrelief_using 'rules show'; and __backrelief_no_positional" -a '(__backrelief_values rule)'
complete -c backrelief -n "__backrelief_using values; and __backrelief_no_positional" -a 'technique condition goal area pressure format color rule question'
complete -c backrelief -n "__backrelief_using 'rules check'" -l strict -d 'Also warn about rules that can never fire; any warning fails'
complete -c backrelief -n "__backrelief_using 'rules check'" -s f -l format -x -a 'text json sarif' -d 'Output format'
complete -c backrelief -n "__backrelief_using 'rules check'" -l json -d 'Short for --format json'
complete -c backrelief -n "__backrelief_using 'rules check'" -l scenarios -r -F -d 'Report how often each warning sign is asked, over these scenario files'
complete -c backrelief -n "__backrelief_using 'rules check' 'rules diff' test" -F
complete -c backrelief -n "__backrelief_using 'rules diff'" -l scenarios -r -F -d 'Compare over these scenario files'
complete -c backrelief -n "__backrelief_using 'rules diff'" -l profiles -r -F -d 'Compare over these profiles (JSON Lines)'
complete -c backrelief -n "__backrelief_using 'rules diff'" -l json -d 'Short for --format json'
complete -c backrelief -n "__backrelief_using test" -l require-coverage -d 'Fail unless every rule fires and every technique ranks first'
complete -c backrelief -n "__backrelief_using test" -s v -l verbose -d 'List the scenarios that pass too'
