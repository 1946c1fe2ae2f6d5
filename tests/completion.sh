#!/bin/bash
# completion.sh: the bash completion driven as bash does it (COMP_WORDS,
# COMP_CWORD, then the function), against the program's own help: every
# command and option it completes exists, every option the help lists is
# completed; the zsh one parses.
. "${top_srcdir:-.}/tests/lib.sh"

# flashfix itself, for the session ids of report.
mkdir -p "$T/bin"
ln -s "$FLASHFIX" "$T/bin/flashfix"
PATH=$T/bin:$PATH
. "$top_srcdir/completions/flashfix.bash"

comp() { # WORD... : the completions of the last word
	COMP_WORDS=(flashfix "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_flashfix
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

is "$(comp '')" "check export history lookup report scan stats" "the commands"
is "$(comp 'st')" "stats" "a command from its start"
is "$(comp --pla)" "--plain" "the wizard's options"
is "$(comp lookup --pl)" "--platform" "lookup's own option"
is "$(comp lookup --platform '')" "mtk qcom" "--platform: mtk and qcom"
is "$(comp report --format '')" "csv json markdown text" "report --format: its four"
is "$(comp export --format '')" "csv jsonl" "export --format: its two"
is "$(comp --lang '')" "both en zh" "--lang: en, zh, both"
is "$(comp history --js)" "--json" "history --json"
is "$(comp history --fo)" "" "history has no --format"
is "$(comp check --js)" "" "check has no --json"
mkdir -p "$T/kbdirs/alpha" "$T/kbdirs/beta"
: >"$T/kbdirs/afile"
is "$(comp --data "$T/kbdirs/a")" "$T/kbdirs/alpha" "--data: directories only"
is "$(comp --records "$T/kbdirs/a")" "$T/kbdirs/afile $T/kbdirs/alpha" "--records: files"

# Every option the help lists is completed for some command, and every
# option completed is one the program takes.
help=$("$FLASHFIX" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
all=$(for c in '' lookup scan check history report stats export; do
	if [ -n "$c" ]; then comp "$c" --; else comp --; fi | tr ' ' '\n'
	echo
done | grep . | sort -u)
like "$help" "--exit-on-error" "the help lists options (sanity)"
is "$(comm -23 <(printf '%s\n' "$help") <(printf '%s\n' "$all") | tr '\n' ' ')" "" "every option in --help is completed"
is "$(comm -13 <(printf '%s\n' "$help") <(printf '%s\n' "$all") | tr '\n' ' ')" "" "every option completed is in --help"
printf 'BROM ERROR : S_FT_ENABLE_DRAM_FAIL (4032)\n' >"$T/x.log"
bad=
for c in lookup scan history report stats export; do
	for o in $(comp "$c" --); do
		case $o in --help | --version) continue ;; esac
		# An option a command does not take is a usage error (exit 2)
		# whatever its value; one it takes is never that.
		v=
		case $o in --data | --state-dir) v=$T ;; --records | --output) v=$T/x.csv ;;
		--lang) v=en ;; --platform) v=mtk ;; --limit) v=1 ;; --since) v=2026-01-01 ;; --after) v=0-0 ;;
		--format) [ "$c" = export ] && v=csv || v=text ;; esac
		set -- "$c" ${v:+"$o" "$v"}
		[ -z "$v" ] && set -- "$c" "$o"
		case $c in lookup) set -- "$@" 4009 ;; report) set -- "$@" --last ;;
		scan) set -- "$@" "$T/x.log" ;; esac
		# --follow watches the log until stopped: a second is enough to
		# know that it was taken.
		timeout 2 "$FLASHFIX" --state-dir "$T/st" "$@" </dev/null >/dev/null 2>&1
		[ $? -eq 2 ] && bad="$bad $c:$o"
	done
done
is "$bad" "" "each command takes every option completed for it"

# Session ids for report, from the records it is pointed at.
S=$T/state
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=y \
	detail=ana detail= detail= | "$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
id=$("$FLASHFIX" --state-dir "$S" history | awk '{ print $1 }')
like "$id" "^[0-9a-f]+-[0-9a-f]+$" "a session recorded"
is "$(comp --state-dir "$S" report '')" "$id" "report: the recorded session ids"
is "$(comp --state-dir "$S" report zzz)" "" "report: none that do not start so"

if command -v zsh >/dev/null 2>&1; then
	zsh -n "$top_srcdir/completions/_flashfix"
	is "$?" 0 "the zsh completion parses"
	like "$(head -n 1 "$top_srcdir/completions/_flashfix")" "^#compdef flashfix" "and names flashfix"
else
	ok 0 "# SKIP zsh not installed"
fi

done_testing
