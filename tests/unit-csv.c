/* unit-csv.c: the unit tests of csvfile: CSV read with the position of
 * every problem. */
#include "unit.h"

struct rows {
	char out[4096];
	int n;
};

static void
collect_row(const struct csvrec *r, void *ctx)
{
	struct rows *rs = ctx;
	size_t len = strlen(rs->out);
	snprintf(rs->out + len, sizeof rs->out - len, "%s[%lu:%lu]%s|",
	    rs->n ? " " : "", r->pos[1].line, r->pos[1].col, r->v[1]);
	rs->n++;
}

static const struct csvcol two_cols[] = { { "id", true }, { "text", true } };

/* Reads content as a two-column CSV file; returns rows and problems. */
static bool
read_csv(const char *content, size_t n, struct rows *rs, struct diag *d)
{
	const char *p = write_file("t.csv", content, n);
	memset(rs, 0, sizeof *rs);
	diag_init(d);
	return csvfile_read(p, "t.csv", two_cols, 2, d, collect_row, rs);
}

void
test_csvfile(void)
{
	struct rows rs;
	struct diag d;
	static const char bom_crlf[] = "\xef\xbb\xbfid,text\r\na,\"one\r\n"
	    "two\"\r\n\r\nb, x\xe4\xb8\xad\r\n";
	static const char gb[] = "id,text\n1,\xc8\xed\xbc\xfe\n";

	ok(read_csv(bom_crlf, sizeof bom_crlf - 1, &rs, &d) && d.n == 0,
	    "BOM, CRLF, quoted line break: no problem");
	is_str(rs.out, "[2:3]one\ntwo| [5:3]x\xe4\xb8\xad|",
	    "values and their line:column");
	diag_free(&d);

	read_csv("id,text\na,b\nc,\"open\nd,e\n", 24, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 3, 3, "never closed"),
	    "unterminated quote reported where it opens");
	diag_free(&d);

	read_csv("id,text\na,b\"c\n", 14, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 4, "misplaced quote"),
	    "a quote inside an unquoted value");
	diag_free(&d);

	read_csv("id,text\na,b,c\nd\n", 16, &rs, &d);
	ok(d.errors == 2 && has_diag(&d, 2, 5, "3 fields but the header has 2")
	    && has_diag(&d, 3, 1, "1 fields but the header has 2"),
	    "too many and too few fields");
	diag_free(&d);

	ok(!read_csv("id,extra\na,b\n", 13, &rs, &d) &&
	    has_diag(&d, 1, 1, "required column 'text' is missing") &&
	    has_diag(&d, 1, 4, "unknown column 'extra'"),
	    "missing required column and unknown column");
	diag_free(&d);

	read_csv("id,text\nab,c\xff\n", 13, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 5, "invalid UTF-8 (byte 0xFF)"),
	    "invalid UTF-8 reported at its byte");
	diag_free(&d);

	read_csv("id,text\na,b\x1b[2J\n", 15, &rs, &d);
	ok(d.errors == 1 && has_diag(&d, 2, 4, "control character U+001B")
	    && strstr(rs.out, "\\x1B") != NULL,
	    "control character reported and escaped");
	diag_free(&d);

	read_csv("id,text\na,\"b\"\"c\"\n", 17, &rs, &d);
	ok(d.n == 0 && strstr(rs.out, "b\"c") != NULL, "doubled quotes");
	diag_free(&d);

	ok(!read_csv("", 0, &rs, &d) && has_diag(&d, 1, 1, "file is empty"),
	    "empty file");
	diag_free(&d);

	read_csv("id,text\n,\n,,\n", 13, &rs, &d);
	ok(rs.n == 0, "blank spreadsheet rows are skipped");
	diag_free(&d);

	ok(read_csv(gb, sizeof gb - 1, &rs, &d) && d.errors == 0 &&
	    d.warnings == 1 && strcmp(rs.out, "[2:3]\xe8\xbd\xaf\xe4\xbb\xb6|")
	    == 0 && has_diag(&d, 0, 0, "GB18030"),
	    "GB18030 file is converted, with a warning");
	diag_free(&d);

	memset(&rs, 0, sizeof rs);
	diag_init(&d);
	ok(!csvfile_read("/nonexistent/x.csv", "x.csv", two_cols, 2, &d,
	    collect_row, &rs) && has_diag(&d, 0, 0, "cannot open"),
	    "missing file");
	diag_free(&d);
}
