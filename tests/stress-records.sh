#!/bin/sh
# stress-records.sh: many flashfix processes finishing sessions into one
# shared records file while some of them are killed (SIGKILL, at random
# moments), the file is replaced by a locked copy and rename (as a
# clean-up script at HQ does it, see flashfix(1)) and torn tails are left
# in it (what a kill between a short write on a full disk and its
# truncation leaves).  Then: every session flashfix confirmed ("Recorded
# as ID") is in the file exactly once and whole.  Prints the figures:
# sessions confirmed, lost, doubled, torn.
#
# In make check it runs short; make stress runs it long:
#   STRESS_WRITERS    processes writing at once (default 4)
#   STRESS_SESSIONS   sessions each finishes (default 8)
#   STRESS_KILLS      SIGKILLs sent while they run (default 6)
#   STRESS_REPLACE    seconds between locked replacements (default 0.2)
#   STRESS_TEARS      torn tails left in the file (default 3)
. "${top_srcdir:-.}/tests/lib.sh"

W=${STRESS_WRITERS:-4}
N=${STRESS_SESSIONS:-8}
K=${STRESS_KILLS:-6}
every=${STRESS_REPLACE:-0.2}
tears=${STRESS_TEARS:-3}
R=$T/shared.csv

command -v flock >/dev/null 2>&1 || skip_all "no flock(1) to take the records lock as a script does"

# writer P: N sessions, one flashfix process each, its pid in pid.P while
# it runs; what it says on stdout (the "Recorded as" lines) in conf.P.
writer() {
	i=0
	while [ "$i" -lt "$N" ]; do
		answers platform=1 version=1 error='DL system ERR' pick=1 \
			step="y: writer $1 session $i" detail= detail= detail= |
			"$FLASHFIX" --plain --engineer "eng$1" \
			--state-dir "$T/w$1/s$i" --records "$R" \
			>>"$T/conf.$1" 2>>"$T/err.$1" &
		echo $! >"$T/pid.$1"
		wait $! 2>/dev/null
		rm -f "$T/pid.$1"
		i=$((i + 1))
	done
}

: >"$R.replaced"
# locked SCRIPT ARG: runs the sh script SCRIPT ("$1" the records file,
# "$2" ARG) with fd 9 on the records file and its lock held, as
# flashfix(1) asks of any other program: after taking the lock, the path
# must still name the file locked (a replacement meanwhile leaves the
# old one to no one), else take the new one's.
locked() {
	sh -c '
	while :; do
		exec 9>>"$1" && flock 9 || exit 1
		[ "$(stat -L -c %d:%i /dev/fd/9)" = "$(stat -c %d:%i "$1")" ] && break
		exec 9>&-
	done
	'"$1" sh "$R" "${2:-}"
}

# The clean-up script: a copy taken and renamed over the file, under its
# lock, again and again.
replacer() {
	while [ ! -e "$T/done" ]; do
		locked 'cp -p "$1" "$1.new" && mv "$1.new" "$1"' 2>/dev/null &&
			echo r >>"$R.replaced"
		sleep "$every"
	done
}

# Starts every writer, then the replacer; kills and tears meanwhile.
wpids=
p=1
while [ "$p" -le "$W" ]; do
	mkdir -p "$T/w$p"
	: >"$T/conf.$p"
	writer "$p" &
	wpids="$wpids $!"
	p=$((p + 1))
done
replacer &
rpid=$!

# A pseudo-random writer and pause from the shell's own arithmetic.
seed=$$
rnd() { seed=$(( (seed * 1103515245 + 12345) % 2147483648 )); echo $(( seed % $1 )); }
killed=0
torn=0
k=0
while [ "$k" -lt "$K" ] || [ "$torn" -lt "$tears" ]; do
	sleep "0.$(rnd 5)$(rnd 10)"
	if [ "$k" -lt "$K" ]; then
		p=$(( $(rnd "$W") + 1 ))
		pid=$(cat "$T/pid.$p" 2>/dev/null)
		# Only a flashfix this test started, still running.
		if [ -n "$pid" ] && grep -q flashfix "/proc/$pid/cmdline" 2>/dev/null &&
			kill -KILL "$pid" 2>/dev/null; then
			killed=$((killed + 1))
		fi
		k=$((k + 1))
	fi
	if [ "$torn" -lt "$tears" ] && [ -s "$R" ]; then
		# A record cut short, no line end: under the lock, as a
		# writer killed mid-write leaves it.
		locked 'printf "\"%s\",\"2026-12-0" "$2" >&9' "0000000$torn-dead00"
		torn=$((torn + 1))
	fi
done
for w in $wpids; do wait "$w"; done
touch "$T/done"
wait "$rpid"

confirmed=$(cat "$T"/conf.* | grep -c '^Recorded as ')
cat "$T"/conf.* | sed -n 's/^Recorded as \([^ ]*\) in .*/\1/p' | sort >"$T/ids"
lost=0
doubled=0
while read -r id; do
	c=$(grep -c "^\"$id\"," "$R")
	[ "$c" -eq 0 ] && lost=$((lost + 1))
	[ "$c" -gt 1 ] && doubled=$((doubled + 1))
done <"$T/ids"
# Confirmed sessions that history does not show though their id starts
# a line: torn.  Lines reported damaged: the tails torn on purpose, and
# what a writer killed in the middle of its write left (not confirmed).
"$FLASHFIX" history --json --records "$R" --state-dir "$T/reader" >"$T/h.json" 2>"$T/h.err"
hrc=$?
damaged=$(grep -c 'damaged record' "$T/h.err")
tornrec=0
missing=0
while read -r id; do
	if ! grep -q "\"id\":\"$id\"" "$T/h.json"; then
		missing=$((missing + 1))
		grep -q "^\"$id\"," "$R" && tornrec=$((tornrec + 1))
	fi
done <"$T/ids"
# Each tail torn on purpose is reported, at its own line.
reported=0
for l in $(grep -n '^"0000000[0-9]*-dead00",' "$R" | cut -d: -f1); do
	grep -q ":$l:1: warning: damaged record skipped" "$T/h.err" && reported=$((reported + 1))
done

echo "# $W writers x $N sessions, $killed killed, $(wc -l <"$R.replaced") locked replacements, $torn torn tails left"
echo "# sessions confirmed $confirmed, lost $lost, doubled $doubled, torn $tornrec"
echo "# damaged lines reported $damaged: $torn torn on purpose, $((damaged - torn)) left by writers killed mid-write"
like "$confirmed" '^[1-9]' "sessions were confirmed ($confirmed)"
is "$lost" 0 "no confirmed session lost"
is "$doubled" 0 "no confirmed session doubled"
is "$tornrec" 0 "no confirmed session torn"
is "$missing" 0 "history shows every confirmed session"
is "$hrc" 0 "history reads the file"
# Two tails torn with no record between are one torn line.
tornlines=$(grep -c '^"0000000[0-9]*-dead00",' "$R")
is "$reported" "$tornlines" "each torn line is reported, at its line ($tornlines)"
like "$(wc -l <"$R.replaced")" '^ *[1-9]' "the file was replaced under its lock while they wrote"
done_testing
