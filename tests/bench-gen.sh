# bench-gen.sh: generated records for the benchmarks.  Source it.
# gen FILE N [FIRST]: N sessions as the wizard writes them, ids from
# FIRST: a mix of errors, outcomes and two to four steps with notes.
gen() {
	awk -v n="$2" -v first="${3:-0}" -v header="$(test -n "${3:-}" || echo 1)" 'BEGIN {
		if (header)
			print "id,started,finished,engineer,host,model,serial,platform,tool_version,query,error_id,outcome,fixed_at_step,steps,stage,log"
		split("sahara|wcsm-4009|brom-handshake|firehose-check-rsp|dl-system-err|wcsm-3001|da-dram-fail|private-key", err, "|")
		split("relogin|settings|config|update|connection|power|hardware|escalate", lv, "|")
		split("ana|bo|chen|dev|eli", eng, "|")
		for (i = first; i < first + n; i++) {
			d = int(i / 800)
			t = sprintf("2024-%02d-%02dT%02d:%02d:%02d+0800", d / 28 % 12 + 1, d % 28 + 1, 9 + i % 9, i % 60, i % 59)
			e = err[i % 8 + 1]
			ns = 2 + i % 3
			fixed = (i % 5 == 4) ? 0 : 1 + i % ns
			out = fixed ? "fixed" : "escalated"
			steps = ""
			for (k = 1; k <= ns && (fixed == 0 || k <= fixed); k++)
				steps = steps (k > 1 ? "\n" : "") k " " lv[(i + k) % 8 + 1] " " \
				    (k == fixed ? "fixed" : "not_fixed") " " t (k == 1 ? " cable swapped, same" : "")
			printf "\"%08x-%06x\",\"%s\",\"%s\",\"%s\",\"shop-%d\",\"Model %d\",\"SN%09d\",\"%s\",\"2.0.11\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"\",\"\"\n",
			    1700000000 + i, i, t, t, eng[i % 5 + 1], i % 7, i % 40, i, (i % 2 ? "qcom" : "mtk"),
			    "error " e, e, out, fixed ? fixed : "", steps
		}
	}' >>"$1"
}
