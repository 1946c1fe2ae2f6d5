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
		# know that it was taken.  Stopped, it exits; should the exit
		# itself hang (LeakSanitizer's check at exit has, once, under
		# load), the kill after it keeps the test bounded.
		timeout -k 5 2 "$FLASHFIX" --state-dir "$T/st" "$@" </dev/null >/dev/null 2>&1
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

# Names with spaces stay whole: one answer each, spaces and all.
mkdir -p "$T/sp/my dir/inner" "$T/sp/my data"
: >"$T/sp/my file.csv"
lines() { # WORD...: the completions, one a line
	COMP_WORDS=(flashfix "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_flashfix
	printf '%s\n' "${COMPREPLY[@]}" | sort
}
is "$(lines --data "$T/sp/my" | tr '\n' '|')" "$T/sp/my data|$T/sp/my dir|" "--data: a directory with a space is one answer"
is "$(lines --records "$T/sp/my f" | tr '\n' '|')" "$T/sp/my file.csv|" "--records: a file with a space is one answer"
is "$(lines check "$T/sp/my d" | wc -l)" 2 "check: directories with spaces, whole"
is "$(lines --data="$T/sp/my di" | tr '\n' '|')" "--data=$T/sp/my dir|" "--data=DIR with a space, whole, in one word"

# --opt=VALUE: as one word (no "=" in COMP_WORDBREAKS), or as bash splits it
# by default: --opt, "=", value.
is "$(comp report --format=)" "--format=csv --format=json --format=markdown --format=text" "report --format=: its four, in one word"
is "$(comp export --format=j)" "--format=jsonl" "export --format=j: jsonl"
is "$(comp report --format '=')" "csv json markdown text" "report --format= split at =: its four"
is "$(comp export --format = '')" "csv jsonl" "export --format = '': its two"
is "$(comp lookup --platform = q)" "qcom" "--platform = q: qcom"
is "$(comp --lang=)" "--lang=both --lang=en --lang=zh" "--lang=: its three"
is "$(comp export --format = csv --st)" "--state-dir --steps" "after --format = csv, options again"
is "$(comp report --json=)" "" "an option that takes no value: nothing after ="

# --resume=: the unfinished sessions of the state directory, as flashfix
# finds it.
U=$T/unf
mkdir -p "$U/sessions" "$T/xdg/flashfix/sessions"
: >"$U/sessions/6560a1b2-00000a.csv"
: >"$U/sessions/6560a1b3-00000b.csv"
: >"$U/sessions/.6560a1b3-00000b.lock"
: >"$T/xdg/flashfix/sessions/6570ffff-0000ff.csv"
is "$(comp --state-dir "$U" --resume=)" "--resume=6560a1b2-00000a --resume=6560a1b3-00000b" "--resume=: the unfinished sessions (no lock file)"
is "$(comp --state-dir="$U" --resume = 6560a1b3)" "6560a1b3-00000b" "--resume = PREFIX: the one that starts so"
is "$(XDG_STATE_HOME=$T/xdg FLASHFIX_STATE_DIR= comp --resume=)" "--resume=6570ffff-0000ff" "--resume= under XDG_STATE_HOME"
is "$(FLASHFIX_STATE_DIR=$U comp --resume=)" "--resume=6560a1b2-00000a --resume=6560a1b3-00000b" "--resume= under FLASHFIX_STATE_DIR"
is "$(comp --state-dir "$U" --resume '')" "check export history lookup report scan stats" "--resume ID is no syntax: a command next"

# report <Tab> on a big records file: fast, and a bounded list, newest
# first (250,000 sessions here; tests/bench-gen.sh makes them).
. "$top_srcdir/tests/bench-gen.sh"
B=$T/big
mkdir -p "$B"
gen "$B/records.csv" 250000
start=$(date +%s%N)
count=$(lines --state-dir "$B" report '' | wc -l)
ms=$(( ($(date +%s%N) - start) / 1000000 ))
is "$count" "$_flashfix_max_ids" "report <Tab> on 250,000 sessions: at most $_flashfix_max_ids ids"
[ "$ms" -lt 10000 ]; ok $? "and within 10 s ($ms ms)"
newest=$(awk -F'"' 'NR > 1 && /^"/ { id = $2 } END { print id }' "$B/records.csv")
like "$(lines --state-dir "$B" report "${newest%??}")" "^$newest" "a prefix: the newest that start so first ($newest)"
is "$(lines --state-dir="$B" report "$newest")" "$newest" "the id itself: that one"
rm -rf "$B"

if command -v zsh >/dev/null 2>&1; then
	zsh -n "$top_srcdir/completions/_flashfix"
	is "$?" 0 "the zsh completion parses"
	like "$(head -n 1 "$top_srcdir/completions/_flashfix")" "^#compdef flashfix" "and names flashfix"
else
	ok 0 "# SKIP zsh not installed"
fi

done_testing
