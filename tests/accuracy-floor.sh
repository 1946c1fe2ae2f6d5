#!/bin/sh
# accuracy-floor.sh: the engine held to the measure part of the corpus of
# real lines (tests/corpus/lines-measure.tsv, never tuned on): one lookup
# per line, as make accuracy does, and the figures must not fall below
# what they were when these floors were set (right, wrong, refused among
# noise and other tools' lines).  A floor moves only with a note in NEWS
# that says why.
. "${top_srcdir:-.}/tests/lib.sh"
RIGHT_MIN=68.0 WRONG_MAX=3.8 REFUSED_MIN=97.5
c=$top_srcdir/tests/corpus
mkdir "$T/corpus"
head -n 1 "$c/lines-tune.tsv" >"$T/corpus/lines-tune.tsv"
cp "$c/lines-measure.tsv" "$T/corpus/lines-measure.tsv"
run sh "$top_srcdir/tests/accuracy.sh" "$FLASHFIX" "$JSONCHECK" "$T/corpus"
is "$rc" 0 "accuracy.sh ran on the measure part"
part=$(printf '%s\n' "$out" | sed -n '/^lines, measure part/,/goals:/p')
all=$(printf '%s\n' "$part" | awk '$1 == "all" { print $2, $4, $6 }')
goals=$(printf '%s\n' "$part" | sed -n 's/.*noise\/other refused *\([0-9.]*\)%.*/\1/p')
like "$all" "^[0-9]+ [0-9.]+% [0-9.]+%$" "its 'all' row: lines, right, wrong ($all)"
set -- $all
lines=${1:-0} right=${2%\%} wrong=${3%\%}
test "$lines" -ge 250; ok $? "it scored the measure part's lines ($lines)"
# floor A OP B: A OP B for decimals (awk).
floor() { awk -v a="$1" -v b="$3" "BEGIN { exit !(a $2 b) }"; }
floor "${right:-0}" '>=' "$RIGHT_MIN"; ok $? "right $right% >= $RIGHT_MIN%"
floor "${wrong:-100}" '<=' "$WRONG_MAX"; ok $? "wrong $wrong% <= $WRONG_MAX% (a wrong answer is worse than none)"
floor "${goals:-0}" '>=' "$REFUSED_MIN"; ok $? "noise and other tools refused $goals% >= $REFUSED_MIN%"
done_testing
