#!/bin/sh
# bench-tty.sh FLASHFIX: the full-screen wizard in a real terminal (tmux),
# reported, never asserted: the time from start to the first screen with
# the bundled knowledge base, and the bytes written to the terminal for
# each keystroke in the error field at 80x24.
set -u
ff=$1
tmux=${TMUX_BIN:-tmux}
[ -n "$tmux" ] && command -v "$tmux" >/dev/null || {
	echo "terminal benchmark: skipped (tmux not found)"
	exit 0
}
work=$(mktemp -d "${TMPDIR:-/tmp}/flashfix-tty.XXXXXX")
# The compiled base goes here, not to the user's cache (the first start
# writes it; the ten measured starts read it).
XDG_CACHE_HOME=$work/cache
export XDG_CACHE_HOME
sock=$work/sock0
printf 'set -g status off\n' >"$work/conf"
tm() { "$tmux" -u -f "$work/conf" -S "$sock" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
ms() { date +%s%N; }
has() { tm capture-pane -p 2>/dev/null | sed 's/ *$//' | grep -q -- "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# startup NAME STATE [same]: a shell waits in a terminal; from the command line
# sent to it to the first question on the screen (polled; the shell's
# fork and exec and tmux's relaying are included), the median of 10, in
# microseconds.  Each start gets its own state directory STATE0..9, or
# with "same" all share STATE.
startup() {
	sock=$work/sock-$1
	tm new-session -d -x 80 -y 24 "env PS1='$ ' sh"
	sleep 0.2
	i=0
	while [ $i -lt 10 ]; do
		tm send-keys "clear" Enter
		until ! has "Which platform"; do sleep 0.01; done
		s=$(ms)
		dir=$2$i
		[ "${3:-}" = same ] && dir=$2
		tm send-keys "$ff --state-dir $dir" Enter
		until has "Which platform"; do :; done
		e=$(ms)
		tm send-keys q
		until ! has "Which platform"; do sleep 0.01; done
		echo $(( (e - s) / 1000 ))
		i=$((i + 1))
	done | median
	tm kill-server
}
startup start "$work/st" | awk '{ printf "start-up to the first screen (in tmux, median of 10): %.1f ms   (target < 20 ms)\n", $1 / 1000 }'
# The same with years of records (100,000 sessions): the step figures
# come from the summary in the cache, not from reading them all.
. "$(dirname "$0")/bench-gen.sh"
mkdir -p "$work/big"
gen "$work/big/records.csv" 100000
"$ff" --plain --state-dir "$work/big" </dev/null >/dev/null 2>&1
startup big "$work/big" same | awk '{ printf "the same with 100,000 sessions in the records: %.1f ms\n", $1 / 1000 }'
# Without a terminal: load, index, the first question, end of input.
i=0
while [ $i -lt 10 ]; do
	s=$(ms)
	"$ff" --plain --state-dir "$work/sp" </dev/null >/dev/null 2>&1
	e=$(ms)
	echo $(( (e - s) / 1000 ))
	i=$((i + 1))
done | median | awk '{ printf "start-up to the first question (line mode, whole process): %.1f ms\n", $1 / 1000 }'

# Bytes per keystroke while typing an error message at 80x24.
sock=$work/sock-keys
tm new-session -d -x 80 -y 24 "$ff --state-dir $work/st; sleep 60"
until has "Which platform"; do sleep 0.01; done
tm send-keys 1 Enter
until has "What does the error say"; do sleep 0.01; done
: >"$work/bytes"
tm pipe-pane -o "cat >>'$work/bytes'"
text="WCSM code 4009 sahara communication failed"
typed=""
size() { wc -c <"$work/bytes"; }
n=0
while [ $n -lt ${#text} ]; do
	c=$(printf '%s' "$text" | cut -c $((n + 1)))
	[ "$c" = "" ] && c=" "
	before=$(size)
	tm send-keys -l -- "$c"
	typed="$typed$c"
	# The screen shows it, and the output has settled.
	# (capture-pane drops trailing spaces)
	until has "Error: $(printf '%s' "$typed" | sed 's/ *$//')\$"; do
		sleep 0.005
	done
	last=-1
	while [ "$(size)" != "$last" ]; do last=$(size); sleep 0.02; done
	echo $(( last - before ))
	n=$((n + 1))
done >"$work/per-key"
printf 'bytes written per keystroke in the error field (80x24, %d keys): median %s, max %s   (target median < 300)\n' \
	"$(wc -l <"$work/per-key")" "$(median <"$work/per-key")" \
	"$(sort -n "$work/per-key" | tail -n 1)"
