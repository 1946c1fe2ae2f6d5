# tmux.sh: driving the full-screen wizard in a real terminal (tmux), for
# the shell tests.  Source it after lib.sh.  Every wait polls the screen
# until the text shows or a time limit passes; no test relies on a sleep.
#   tstart COLSxROWS CMD...   starts CMD in a new tmux server at that size
#   keys KEY...               tmux send-keys
#   wait_for REGEX [SECONDS]  waits until the screen matches (grep -E);
#                             $screen holds the last capture
#   screen_has REGEX DESC     a check: wait_for, then ok
#   row_has N REGEX DESC      a check: waits until screen row N (from 1)
#                             matches
#   cursor                    prints "X,Y" of the terminal cursor
#   tstop                     ends the tmux server
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip_all "tmux not found"
tserial=0
# Sanitizers and valgrind slow the program down; wait longer then.
TWAIT=${TWAIT:-15}

printf 'set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n' \
	>"$T/tmux.conf"

tmx() {
	"$TMUX_BIN" -u -f "$T/tmux.conf" -S "$T/tmux.$tserial" "$@"
}

tstart() {
	size=$1
	shift
	tstop
	# A new server each time: one being killed may still hold its socket.
	tserial=$((tserial + 1))
	# The command runs in a shell that reports how it ended and stays,
	# so the last screen can be read.
	tmx new-session -d -x "${size%x*}" -y "${size#*x}" \
		"$* ; echo EXIT=\$?; sleep 3600"
}

keys() {
	tmx send-keys "$@"
}

capture() {
	screen=$(tmx capture-pane -p "$@" 2>/dev/null)
}

wait_for() {
	limit=$(( ${2:-$TWAIT} * 20 ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		capture
		if printf '%s\n' "$screen" | grep -Eq -- "$1"; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

screen_has() {
	if wait_for "$1"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		printf '#   no /%s/ on the screen:\n' "$1"
		printf '%s\n' "$screen" | sed 's/^/#     /'
	fi
}

row_has() {
	limit=$(( TWAIT * 20 ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		capture
		if printf '%s\n' "$screen" | sed -n "$1p" | grep -Eq -- "$2"; then
			ok 0 "$3"
			return
		fi
		i=$((i + 1))
		sleep 0.05
	done
	ok 1 "$3"
	printf '#   row %s is not /%s/:\n' "$1" "$2"
	printf '%s\n' "$screen" | sed 's/^/#     /'
}

cursor() {
	tmx display-message -p '#{cursor_x},#{cursor_y}'
}

tstop() {
	pids=$(tmx list-panes -a -F '#{pane_pid}' 2>/dev/null |
		while read -r p; do pgrep -P "$p"; done)
	tmx kill-server >/dev/null 2>&1 || :
	# Nothing is left running: a sanitizer build's leak check can hang
	# when the hangup reaches it as the terminal goes away.
	for p in $pids; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do
			sleep 0.05
			i=$((i + 1))
		done
		kill -KILL "$p" 2>/dev/null || :
	done
}

trap 'tstop; rm -rf "$T"' EXIT
