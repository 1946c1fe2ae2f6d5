#!/bin/sh
# build.sh SRCDIR OUTDIR: builds the libFuzzer targets with clang
# (-fsanitize=fuzzer,address,undefined), the logic compiled in with them.
set -eu
src=$1
out=$2
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || {
	echo "make fuzz needs clang (Debian package: clang)" >&2
	exit 1
}
mkdir -p "$out"
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -I$src/src -I$out
	-DFUZZ_DATA=\"$src/data\" -DLOCALEDIR=\"/nonexistent\"
	-DPKGDATADIR=\"/nonexistent\" -DABS_SRCDIR=\"$src\" -DABS_BUILDDIR=\"$out\""
# The logic: every source file of the library, as Makefile.am lists them.
lib=$(sed -n '/^src_libflashfix_a_SOURCES/,/^$/p' "$src/Makefile.am" |
	grep -o 'src/[a-z_0-9]*\.c' | sed 's|^src/||; s|\.c$||')
[ -n "$lib" ] || { echo "build.sh: no sources in $src/Makefile.am" >&2; exit 1; }
# config.h: what the library includes first.
[ -f "$out/config.h" ] || printf '#define PACKAGE "flashfix"\n#define PACKAGE_VERSION "fuzz"\n' \
	>"$out/config.h"
for t in kb cache records lookup version scan; do
	set --
	for f in $lib; do set -- "$@" "$src/src/$f.c"; done
	# shellcheck disable=SC2086
	$CLANG $flags -o "$out/fuzz_$t" "$src/tests/fuzz/fuzz_$t.c" "$@" \
		-lcsv -lunistring -lm
	echo "built $out/fuzz_$t"
done
