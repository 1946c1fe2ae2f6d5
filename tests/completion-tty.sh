#!/bin/sh
# completion-tty.sh: the completions as a person meets them, Tab pressed in
# a real interactive bash and zsh in tmux.  bash: a directory gets its
# slash and a name with a space its backslash (readline's file-name
# handling), --format= its values.  zsh: the options of history, stats and
# export, report's session ids (from the records the line names, before or
# after the command word) and --resume='s unfinished sessions.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

mkdir -p "$T/bin" "$T/d/my dir/inner" "$T/d/alpha"
ln -s "$FLASHFIX" "$T/bin/flashfix"
S=$T/st
answers platform=2 version=2.0.11 error='Sahara communication failed' pick=1 step=y \
	detail=ana detail= detail= | "$FLASHFIX" --plain --state-dir "$S" >/dev/null 2>&1
id=$("$FLASHFIX" --state-dir "$S" history | awk '{ print $1 }')
like "$id" "^[0-9a-f]+-[0-9a-f]+$" "a session recorded"
mkdir -p "$S/sessions" && : >"$S/sessions/6560a1b2-00000a.csv"

# line CMD-TEXT: clears the line, types CMD-TEXT and Tab.
line() {
	keys C-u
	keys -l "$1"
	keys Tab
}

# bash, with only this completion (no bash-completion package, no rc).
printf 'PS1="$ "\nPATH=%s:$PATH\n. %s\n' "$T/bin" "$top_srcdir/completions/flashfix.bash" >"$T/bashrc"
tstart 160x30 env -u PROMPT_COMMAND bash --noprofile --rcfile "$T/bashrc" -i
wait_for '^\$ ' || :
line "flashfix --data $T/d/my"
screen_has "flashfix --data $T/d/my\\\\ dir/\$" "bash: a directory with a space: its backslash and slash"
line "flashfix --state-dir $T/d/al"
screen_has "flashfix --state-dir $T/d/alpha/\$" "bash: a directory gets its trailing slash"
line "flashfix check $T/d/my\\ dir/i"
screen_has "flashfix check $T/d/my\\\\ dir/inner/\$" "bash: inside a directory with a space"
line "flashfix report --format=m"
screen_has "flashfix report --format=markdown$" "bash: --format=m gives --format=markdown"
line "flashfix --state-dir $S report "
screen_has "flashfix --state-dir $S report $id$" "bash: report <Tab>: the recorded session"
line "flashfix --state-dir $S --resume="
screen_has "flashfix --state-dir $S --resume=6560a1b2-00000a$" "bash: --resume=: the unfinished session"
tstop

if ! command -v zsh >/dev/null 2>&1; then
	ok 0 "# SKIP zsh not installed"
	done_testing
fi
# zsh with compinit and this completion first in fpath.
mkdir -p "$T/zdot"
printf '%s\n' 'PS1="%% "' "fpath=($top_srcdir/completions \$fpath)" \
	"path=($T/bin \$path)" 'autoload -Uz compinit && compinit -u -D' \
	'zstyle ":completion:*" list-rows-first true' >"$T/zdot/.zshrc"
tstart 160x30 env ZDOTDIR="$T/zdot" zsh -i
wait_for '^% ' || :
line "flashfix history --j"
screen_has "flashfix history --json$" "zsh: history's --json"
line "flashfix stats --si"
screen_has "flashfix stats --since=\$" "zsh: stats's --since="
line "flashfix export --st"
screen_has "^--steps +-- one row per step" "zsh: export's --steps listed"
screen_has "^--state-dir +-- where records" "with the common options (--state-dir)"
line "flashfix export --format="
screen_has "^csv +jsonl" "zsh: export --format=: csv and jsonl"
line "flashfix --state-dir $S report "
screen_has "flashfix --state-dir $S report $id$" "zsh: report <Tab>: the recorded session (--state-dir before)"
line "flashfix report --state-dir $S "
screen_has "flashfix report --state-dir $S $id$" "zsh: and with --state-dir after the command"
line "flashfix report --records $S/records.csv "
screen_has "flashfix report --records $S/records.csv $id$" "zsh: and from --records"
line "flashfix --state-dir $S --resume="
screen_has "flashfix --state-dir $S --resume=6560a1b2-00000a$" "zsh: --resume=: the unfinished session"
line "flashfix --pl"
screen_has "flashfix --plain$" "zsh: the wizard's options"
tstop
done_testing
