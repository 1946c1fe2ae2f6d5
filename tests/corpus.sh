#!/bin/sh
# corpus.sh: the development corpus of real lines (tests/corpus) keeps its
# form: six columns, known families and kinds, every thread in the part the
# split rule (tests/corpus/split.sh) gives it, no line twice, and the
# accuracy script reads both parts.
. "$(dirname "$0")/lib.sh"

# none LIST DESCRIPTION: LIST (one item a line) is empty; else show it.
none() {
	if [ -z "$1" ]; then
		ok 0 "$2"
	else
		ok 1 "$2"
		printf '%s\n' "$1" | head -20 | sed 's/^/#   /'
	fi
}

c=$top_srcdir/tests/corpus
tune=$c/lines-tune.tsv measure=$c/lines-measure.tsv
hdr=$(printf 'id\ttext\tfamilies\tsource\tnote\tkind')
is "$(head -n 1 "$tune")" "$hdr" "lines-tune.tsv has the six columns"
is "$(head -n 1 "$measure")" "$hdr" "lines-measure.tsv has the six columns"

fams="mtk-brom mtk-da mtk-dram mtk-auth mtk-image mtk-download mtk-storage qcom-driver qcom-sahara qcom-firehose qcom-auth qcom-storage qcom-state vendor-account vendor-package vendor-tool noise other skip"
bad=$(awk -F'\t' -v fams="$fams" '
	BEGIN { n = split(fams, f, " "); for (i = 1; i <= n; i++) ok[f[i]] = 1 }
	FNR == 1 { next }
	NF != 6 { print FILENAME ":" FNR ": " NF " columns"; next }
	$1 == "" || $2 == "" { print FILENAME ":" FNR ": empty id or text" }
	$4 == "" && $1 !~ /^C/ { print FILENAME ":" FNR ": no source" }
	$6 !~ /^(error|typed|noise|other)$/ { print FILENAME ":" FNR ": kind " $6 }
	{ k = split($3, a, ";"); for (i = 1; i <= k; i++)
		if (!(a[i] in ok)) print FILENAME ":" FNR ": family " a[i] }
	' "$tune" "$measure")
none "$bad" "every row has six columns, a known kind and known families"

# The shared corpus repeats a few lines (one text from several threads);
# a line added here is new.
dups=$(tail -n +2 -q "$tune" "$measure" | cut -f1,2 | awk -F'\t' '
	{ t = tolower($2); if ((t in seen) && ($1 !~ /^[ABC]/ || seen[t] !~ /^[ABC]/)) print seen[t] " " $1 ": " $2; seen[t] = $1 }')
none "$dups" "no added line is in the corpus twice"
ids=$(tail -n +2 -q "$tune" "$measure" | cut -f1 | sort | uniq -d)
none "$ids" "no id is used twice"

rows=$(tail -n +2 "$measure" | wc -l)
test "$rows" -ge 250; ok $? "the measure part has lines ($rows)"
shared=$(tail -n +2 "$tune" | cut -f1 | grep -c '^[ABC]')
is "$shared" 256 "the shared corpus's 256 lines are in the tune part"

run sh "$c/split.sh" check "$tune" "$measure"
is "$rc:$out" "0:" "every thread is in the part the split rule gives it"
# The check can fail: a measure row moved to the tune part is named.
{ cat "$tune"; tail -n +2 "$measure" | head -n 1; } >"$T/tune"
tail -n +2 "$measure" | sed 1d >"$T/measure.rows"
{ head -n 1 "$measure"; cat "$T/measure.rows"; } >"$T/measure"
run sh "$c/split.sh" check "$T/tune" "$T/measure"
moved=$(tail -n +2 "$measure" | head -n 1 | cut -f1)
is "$rc" 1 "a row in the wrong part fails the check"
has "$out" "$moved: source" "and the check names it"

# A thread with rows in both parts is named too.
{ cat "$measure"; tail -n +2 "$tune" | grep -v '^[ABC]' | head -n 1 | sed 's/^[^	]*/X0001/'; } >"$T/measure2"
run sh "$c/split.sh" check "$tune" "$T/measure2"
is "$rc" 1 "a thread in both parts fails the check"
has "$out" "is in both parts" "and the check says so"

# accuracy.sh reads both parts and prints the three outcomes per kind.
head -n 6 "$tune" >"$T/lines-tune.tsv"
head -n 6 "$measure" >"$T/lines-measure.tsv"
run sh "$top_srcdir/tests/accuracy.sh" "$FLASHFIX" "$JSONCHECK" "$T"
is "$rc" 0 "accuracy.sh runs on a small corpus"
has "$out" "lines, measure part" "it reports the measure part"
like "$out" "all +[0-9]+ +[0-9]+ +[0-9.]+% +[0-9]+ +[0-9.]+% +[0-9]+ +[0-9.]+%" "with right, wrong and refused counts"
done_testing
