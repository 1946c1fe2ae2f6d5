#!/bin/sh
# kb-cache.sh: the compiled copy of the knowledge base.  Whatever the cache
# holds (nothing, a good copy, a stale or damaged one, a directory that
# cannot be written), what flashfix prints is what parsing the files gives.
. "${top_srcdir:-.}/tests/lib.sh"

cp -R "$DATA" "$T/kb"
chmod -R u+w "$T/kb"
C=$T/cache/flashfix
cachefile() { ls "$C"/kb-*.cache 2>/dev/null; }
inode() { ls -i "$(cachefile)" 2>/dev/null | awk '{ print $1 }'; }
q="Sahara communication failed"

run "$FLASHFIX" --no-cache --data "$T/kb" lookup -- "$q"
want=$out
is "$rc" 0 "--no-cache: the lookup works"
if [ -e "$T/cache" ]; then r=1; else r=0; fi
ok $r "--no-cache: no cache is written"

run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$out" "$want" "first run: the same answer as parsing"
is "$(cachefile | wc -l | tr -d ' ')" 1 "first run: one cache file"
is "$(stat -c %a "$C")" 700 "the cache directory is the user's own"
ino=$(inode)

run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$out" "$want" "second run (from the cache): the same answer"
is "$err" "" "second run: nothing on stderr"
is "$(inode)" "$ino" "second run: the cache is read, not written again"

run "$FLASHFIX" --no-cache --data "$T/kb" lookup --json --lang both -- "$q"
wantj=$out
run "$FLASHFIX" --data "$T/kb" lookup --json --lang both -- "$q"
is "$out" "$wantj" "JSON in both languages: causes and steps as parsed"

# Written over in place with the same length and an old time: only the
# bytes can tell.
sed "s/Sahara communication failed/Sahara communication FAILED/" \
	"$T/kb/errors.csv" >"$T/e.new"
cat "$T/e.new" >"$T/kb/errors.csv"
touch -d 2001-01-01 "$T/kb/errors.csv"
run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
like "$out" "Sahara communication FAILED" "an edit with the same size and an old time is seen"
if [ "$(inode)" != "$ino" ]; then r=0; else r=1; fi
ok $r "and the cache is made again"
run "$FLASHFIX" --no-cache --data "$T/kb" lookup -- "$q"
want=$out

# Damaged: bytes in the middle overwritten, then cut short.
size=$(wc -c <"$(cachefile)")
printf 'XXXXXXXXXXXXXXXX' | dd of="$(cachefile)" bs=1 seek=$((size / 2)) \
	conv=notrunc 2>/dev/null
run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$out" "$want" "a damaged cache: the answer from the files"
is "$err" "" "a damaged cache: nothing on stderr"
is "$rc" 0 "a damaged cache: exit 0"
printf 'FFKB' >"$(cachefile)"
run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$out" "$want" "a cache cut to 4 bytes: the answer from the files"
is "$(wc -c <"$(cachefile)" | tr -d ' ')" "$size" "and a whole cache again"

# A cache directory that cannot be made.
: >"$T/plainfile"
XDG_CACHE_HOME=$T/plainfile run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$out|$err|$rc" "$want||0" "a cache path under a file: the answer, quietly"

# A relative XDG_CACHE_HOME is ignored for ~/.cache.
mkdir "$T/home"
(cd "$T" && HOME=$T/home XDG_CACHE_HOME=rel "$FLASHFIX" --data "$T/kb" \
	lookup -- "$q" >/dev/null)
if ls "$T"/home/.cache/flashfix/kb-*.cache >/dev/null 2>&1 &&
	[ ! -e "$T/rel" ]; then r=0; else r=1; fi
ok $r "a relative XDG_CACHE_HOME: ~/.cache/flashfix instead"

# The cache of a base directory that is gone is removed when a cache is
# next written; so is a writer's temporary file left for over an hour.
cp -R "$T/kb" "$T/kb2"
"$FLASHFIX" --data "$T/kb2" lookup -- "$q" >/dev/null
is "$(cachefile | wc -l | tr -d ' ')" 2 "a second base: a second cache file"
: >"$C/kb-0000000000000000.cache.AbCdEf"
touch -d '2 hours ago' "$C/kb-0000000000000000.cache.AbCdEf"
: >"$C/kb-0000000000000001.cache.AbCdEf"
rm -rf "$T/kb2"
printf '\n' >>"$T/kb/tools.csv"
"$FLASHFIX" --data "$T/kb" lookup -- "$q" >/dev/null
is "$(cachefile | wc -l | tr -d ' ')" 1 "the second base removed: its cache too, at the next write"
is "$(ls "$C" | grep -c 'AbCdEf$')" 1 "an old temporary file removed, a recent one kept"

# A base with an error is reported every time, never cached.
rm -rf "$T/cache"
printf 'x,9,relogin,,Step.,,test\n' >>"$T/kb/fixes.csv"
run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
is "$rc" 3 "a base with an error: refused"
like "$err" "fixes.csv:[0-9]+:1: error: no error has the id 'x'" "with the error"
run "$FLASHFIX" --data "$T/kb" lookup -- "$q"
like "$rc $(printf '%s' "$err" | tr '\n' ' ')" "^3 .*no error has the id 'x'" \
	"and again the next time"
if [ -z "$(cachefile)" ]; then r=0; else r=1; fi
ok $r "a base with errors is not cached"

# check always parses, and writes nothing.
rm -rf "$T/cache"
run "$FLASHFIX" check "$DATA"
is "$rc" 0 "check: the shipped base is valid"
if [ -e "$T/cache" ]; then r=1; else r=0; fi
ok $r "check writes no cache"

done_testing
