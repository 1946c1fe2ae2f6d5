#!/bin/sh
# accuracy.sh: how flashfix answers the real texts of tests/corpus.
#
#   accuracy.sh FLASHFIX JSONCHECK CORPUSDIR [SHAREDLOGS]
#
# For each part of the line corpus (lines-tune.tsv, lines-measure.tsv) and
# each kind of line (error, typed, noise, other), the top answer of
# "flashfix lookup --json --limit 1 TEXT" is counted as
#   right    its family is accepted, or no match where noise or other is;
#   wrong    a match whose family is not accepted (the worst outcome);
#   refused  no match on a line that has a family (a miss).
# An answer whose "level" is "other" or "none" counts as no match; answers
# at "family" level are counted apart as well.  Rows marked skip are not
# scored.  Then the whole logs of CORPUSDIR/logs/index.tsv (or of
# SHAREDLOGS/index.tsv when the repository has none) with
# "flashfix scan --json": right when the first finding is on a decisive
# line (give or take one) with an accepted family, or nothing is found
# where success or other is accepted.
#
# ACCURACY_LIST=1 also lists the tune part's wrong answers and misses.
# The measure part is for measuring only: do not tune on its lines.
set -u
ff=$1 jc=$2 dir=$3 sharedlogs=${4:-}
tab=$(printf '\t')
tmp=${TMPDIR:-/tmp}/accuracy.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# accepts FAMILY ACCEPTED: is FAMILY one of the ;-separated ACCEPTED?
accepts() {
	case ";$2;" in *";$1;"*) return 0 ;; esac
	return 1
}

# answer TEXT: print "family<TAB>level" of the top answer, or nothing.
answer() {
	out=$("$ff" lookup --json --limit 1 -- "$1" 2>/dev/null)
	[ -n "$out" ] || return 0
	fam=$(printf '%s' "$out" | "$jc" 0.family 2>/dev/null) || return 0
	lvl=$(printf '%s' "$out" | "$jc" 0.level 2>/dev/null) || lvl=
	printf '%s\t%s\n' "$fam" "$lvl"
}

# score FILE HALF: one line per scored row (every other row: those whose
# number is HALF modulo 2): kind, outcome, family-level flag, and the class
# the goals use (fam: only families accepted; quiet: only noise/other
# accepted; mixed: both).
score() {
	awk -F'\t' -v half="$2" 'NR > 1 && NR % 2 == half && $3 != "skip" && $3 != "" {
		k = $6; if (k == "") k = "error"
		print k "\t" $1 "\t" $3 "\t" $2 }' "$1" |
	while IFS= read -r row; do
		kind=${row%%"$tab"*}; rest=${row#*"$tab"}
		id=${rest%%"$tab"*}; rest=${rest#*"$tab"}
		acc=${rest%%"$tab"*}; text=${rest#*"$tab"}
		a=$(answer "$text")
		fam=${a%%"$tab"*}; lvl=${a#*"$tab"}
		case $lvl in other|none) fam= ;; esac
		quiet=no
		if accepts noise "$acc" || accepts other "$acc"; then quiet=yes; fi
		hasfam=no
		for f in $(printf '%s' "$acc" | tr ';' ' '); do
			case $f in noise|other|skip) ;; *) hasfam=yes ;; esac
		done
		if [ $hasfam = yes ] && [ $quiet = yes ]; then class=mixed
		elif [ $hasfam = yes ]; then class=fam
		else class=quiet; fi
		if [ -z "$fam" ]; then
			if [ $quiet = yes ]; then o=right; else o=refused; fi
		elif accepts "$fam" "$acc"; then o=right
		else o=wrong; fi
		fl=0
		[ -n "$fam" ] && [ "$lvl" = family ] && fl=1
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$o" "$fl" "$class" \
		    "$id" "${fam:--}" "$acc"
	done
}

report() { # NAME SCOREFILE
	awk -F'\t' -v name="$1" '
	function pct(a, b) { return b ? sprintf("%5.1f%%", 100 * a / b) : "    -" }
	function row(label, k) {
		printf "  %-8s %5d  %5d %s  %5d %s  %5d %s  %5d\n", label, n[k],
		    c[k, "right"], pct(c[k, "right"], n[k]),
		    c[k, "wrong"], pct(c[k, "wrong"], n[k]),
		    c[k, "refused"], pct(c[k, "refused"], n[k]), fl[k]
	}
	{ n[$1]++; c[$1, $2]++; fl[$1] += $3; n["all"]++; c["all", $2]++
	  fl["all"] += $3; g[$4]++; g[$4, $2]++ }
	END {
		printf "%s\n  %-8s %5s  %12s  %12s  %12s  %5s\n", name, "kind",
		    "lines", "right", "wrong", "refused", "family-level"
		split("error typed noise other", ks, " ")
		for (i = 1; i <= 4; i++) if (n[ks[i]]) row(ks[i], ks[i])
		row("all", "all")
		printf "  goals: right family %s of %d lines with one (>= 90%%);", \
		    pct(g["fam", "right"], g["fam"]), g["fam"]
		printf " wrong %s of all %d (<= 2%%);", pct(c["all", "wrong"], n["all"]), n["all"]
		printf " noise/other refused %s of %d (>= 95%%)\n", \
		    pct(g["quiet", "right"], g["quiet"]), g["quiet"]
	}' "$2"
}

status=0
for part in tune measure; do
	f=$dir/lines-$part.tsv
	if [ ! -r "$f" ]; then
		echo "accuracy: $f: cannot read" >&2
		status=1
		continue
	fi
	# Two workers, each on every other row (the machine has two cores).
	score "$f" 0 >"$tmp/$part.0" &
	score "$f" 1 >"$tmp/$part.1"
	wait $! || status=1
	cat "$tmp/$part.0" "$tmp/$part.1" >"$tmp/$part"
	report "lines, $part part ($f)" "$tmp/$part"
	# ACCURACY_LIST=1: the tune part's wrong answers and misses, to work
	# on.  Never the measure part's.
	if [ -n "${ACCURACY_LIST:-}" ] && [ $part = tune ]; then
		awk -F'\t' '$2 != "right" { printf "  %-7s %s %s: answered %s, accepts %s\n", \
		    $2, $5, $1, $6, $7 }' "$tmp/$part" | sort -k1,1 -k2,2
	fi
	echo
done

logs=
if [ -r "$dir/logs/index.tsv" ]; then logs=$dir/logs
elif [ -n "$sharedlogs" ] && [ -r "$sharedlogs/index.tsv" ]; then logs=$sharedlogs
fi
if [ -n "$logs" ]; then
	: >"$tmp/logs"
	# The repository's index has a seventh column, the part (tune or
	# measure); the shared one has none.
	tail -n +2 "$logs/index.tsv" | awk -F'\t' -v OFS='\t' '{
		p = NF >= 7 && $7 != "" ? $7 : "all"
		for (i = 1; i <= 4; i++) if ($i == "") $i = "-"	# read folds empty fields
		print $1, $2, $3, $4, p }' |
	while IFS="$tab" read -r id file dec acc part; do
		[ -n "$file" ] || continue
		out=$("$ff" scan --json -- "$logs/$file" 2>/dev/null)
		line= fam= lvl=
		if [ -n "$out" ]; then
			line=$(printf '%s' "$out" | "$jc" 0.line 2>/dev/null) || line=
			fam=$(printf '%s' "$out" | "$jc" 0.family 2>/dev/null) || fam=
			lvl=$(printf '%s' "$out" | "$jc" 0.level 2>/dev/null) || lvl=
		fi
		case $lvl in other|none) line= fam= ;; esac
		if [ -z "$line" ]; then
			if accepts success "$acc" || accepts other "$acc"; then o=right
			else o=missed; fi
		else
			near=no
			for d in $(printf '%s' "$dec" | tr ';' ' '); do
				case $d in *[!0-9]*|'') continue ;; esac
				delta=$((line - d))
				[ $delta -ge -1 ] && [ $delta -le 1 ] && near=yes
			done
			if [ -n "$fam" ] && accepts "$fam" "$acc"; then
				if [ $near = yes ]; then o=right; else o=wrong-line; fi
			else o=wrong; fi
		fi
		printf '%s\t%s\t%s\n' "$id" "$o" "$part" >>"$tmp/logs"
	done
	awk -F'\t' -v name="logs ($logs/index.tsv)" '
	function pct(a, b) { return b ? sprintf("%5.1f%%", 100 * a / b) : "-" }
	{ if (!($3 in n)) order[++np] = $3
	  n[$3]++; c[$3, $2]++; if ($2 != "right") bad[$3] = bad[$3] " " $1 "(" $2 ")" }
	END {
		print name
		for (i = 1; i <= np; i++) { p = order[i]
			printf "  %s: %d logs: right %d %s, wrong family %d %s, right family off the decisive line %d %s, missed %d %s\n", \
			    p, n[p], c[p, "right"], pct(c[p, "right"], n[p]), c[p, "wrong"], pct(c[p, "wrong"], n[p]), \
			    c[p, "wrong-line"], pct(c[p, "wrong-line"], n[p]), c[p, "missed"], pct(c[p, "missed"], n[p])
			if (bad[p] != "") printf "    not right:%s\n", bad[p]
		}
	}' "$tmp/logs"
fi
exit $status
