/* domain_config.c: parsing a module command line into a domain_config.
 *
 * The line comes from the boot loader's configuration, but it is treated as untrusted
 * like everything else a module brings: its length is bounded before anything else
 * happens, every loop is bounded by that length, numbers saturate instead of
 * overflowing, and *out is written only once the whole line has been accepted. */
#include "dom/domain_config.h"

#include <pv/layout.h>
#include <stdbool.h>
#include <stddef.h>

#define DEFAULT_NAME "domain"

/* A piece of the command line: len characters from start, not NUL-terminated. */
struct word {
	const char *start;
	uint32_t len;
};

/* Everything parsed so far; copied to the caller only on success. */
struct parse_state {
	struct domain_config cfg;
	uint32_t seen;	  /* bit i: keys[i] was given */
	struct word path; /* len 0 when the line names no module path */
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* Whether w is exactly the NUL-terminated string lit. */
static bool word_is(struct word w, const char *lit)
{
	uint32_t i = 0;
	for (; i < w.len; i++)
		if (lit[i] != w.start[i]) /* lit's NUL stops this at its end */
			return false;
	return lit[i] == '\0';
}

/* Check name=VALUE and store it NUL-padded in cfg->name. */
static const char *parse_name(struct word v, struct domain_config *cfg)
{
	if (v.len == 0)
		return "name= is empty";
	if (v.len > DOMAIN_NAME_MAX)
		return "name= is longer than 31 characters";
	for (uint32_t i = 0; i < v.len; i++)
		if (!is_name_char(v.start[i]))
			return "name= has a character outside [A-Za-z0-9_.-]";
	for (uint32_t i = 0; i < v.len; i++)
		cfg->name[i] = v.start[i];
	return NULL;
}

/* Check mem=VALUE (decimal bytes, optionally followed by K or M) and store it as a
 * page count. The number saturates just above the limit, so no amount of digits
 * can overflow it, and a saturated number is still "too big" after any suffix. */
static const char *parse_mem(struct word v, struct domain_config *cfg)
{
	uint64_t n = 0, unit = 1;
	uint32_t i = 0;

	for (; i < v.len && v.start[i] >= '0' && v.start[i] <= '9'; i++) {
		n = n * 10 + (uint64_t)(v.start[i] - '0');
		if (n > DOMAIN_MEM_MAX_BYTES)
			n = DOMAIN_MEM_MAX_BYTES + 1;
	}
	if (i == 0)
		return "mem= needs a number";
	if (i < v.len) {
		char suffix = v.start[i++];
		if (suffix == 'K' || suffix == 'k')
			unit = 1u << 10;
		else if (suffix == 'M' || suffix == 'm')
			unit = 1u << 20;
		else
			return "mem= has a suffix other than K or M";
	}
	if (i < v.len)
		return "mem= has a suffix other than K or M";

	uint64_t bytes = n * unit; /* at most (48 MiB + 1) * 1 MiB: no overflow */
	if (bytes < DOMAIN_MEM_MIN_BYTES)
		return "mem= is below 1 MiB";
	if (bytes > DOMAIN_MEM_MAX_BYTES)
		return "mem= is above 48 MiB";
	if ((uint32_t)bytes % PV_PAGE_SIZE) /* 32-bit now: no 64-bit division helpers */
		return "mem= is not a whole number of 4 KiB pages";
	cfg->mem_pages = (uint32_t)bytes / PV_PAGE_SIZE;
	return NULL;
}

/* Check hypercall=int|vmcall. */
static const char *parse_hypercall(struct word v, struct domain_config *cfg)
{
	if (word_is(v, "int"))
		cfg->transport = HC_TRANSPORT_INT82;
	else if (word_is(v, "vmcall"))
		cfg->transport = HC_TRANSPORT_VMCALL;
	else
		return "hypercall= must be int or vmcall";
	return NULL;
}

/* Check fasttrap=on|off. */
static const char *parse_fast_trap(struct word v, struct domain_config *cfg)
{
	if (word_is(v, "on"))
		cfg->fast_trap = 1;
	else if (word_is(v, "off"))
		cfg->fast_trap = 0;
	else
		return "fasttrap= must be on or off";
	return NULL;
}

/* Check weight=N, 1..65535. */
static const char *parse_weight(struct word v, struct domain_config *cfg)
{
	const char *why = "weight= must be a number from 1 to 65535";
	uint32_t n = 0;
	if (v.len == 0 || v.len > 5)
		return why;
	for (uint32_t i = 0; i < v.len; i++) {
		if (v.start[i] < '0' || v.start[i] > '9')
			return why;
		n = n * 10 + (uint32_t)(v.start[i] - '0');
	}
	if (n == 0 || n > 65535)
		return why;
	cfg->weight = n;
	return NULL;
}

/* Check expect=finish. */
static const char *parse_expect(struct word v, struct domain_config *cfg)
{
	if (!word_is(v, "finish"))
		return "expect= must be finish";
	cfg->expect_finish = 1;
	return NULL;
}

/* Check emulate=0|1. */
static const char *parse_emulate(struct word v, struct domain_config *cfg)
{
	if (word_is(v, "1"))
		cfg->emulate_cli = 1;
	else if (word_is(v, "0"))
		cfg->emulate_cli = 0;
	else
		return "emulate= must be 0 or 1";
	return NULL;
}

/* The keys that belong to hv, each with its parser and its "given twice" reason.
 * name= is first: without it the name comes from the path. */
enum {
	KEY_NAME = 0
};

static const struct {
	const char *name, *twice;
	const char *(*parse)(struct word value, struct domain_config *cfg);
} keys[] = {
	[KEY_NAME] = { "name", "name= given twice", parse_name },
	{ "mem", "mem= given twice", parse_mem },
	{ "hypercall", "hypercall= given twice", parse_hypercall },
	{ "weight", "weight= given twice", parse_weight },
	{ "expect", "expect= given twice", parse_expect },
	{ "fasttrap", "fasttrap= given twice", parse_fast_trap },
	{ "emulate", "emulate= given twice", parse_emulate },
};

/* Take one word of the line. A first word without '=' is the module path; a key
 * hv knows is checked; any other word belongs to the guest and is skipped. */
static const char *take_word(struct word w, bool first, struct parse_state *st)
{
	uint32_t eq = 0;
	while (eq < w.len && w.start[eq] != '=')
		eq++;
	if (eq == w.len) {
		if (first)
			st->path = w;
		return NULL;
	}

	struct word key = { w.start, eq };
	struct word value = { w.start + eq + 1, w.len - eq - 1 };
	for (uint32_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!word_is(key, keys[i].name))
			continue;
		if (st->seen & (1u << i))
			return keys[i].twice;
		st->seen |= 1u << i;
		return keys[i].parse(value, &st->cfg);
	}
	return NULL;
}

/* The default name: the path's basename up to its last '.', cut to DOMAIN_NAME_MAX
 * characters, with any character a name may not hold replaced by '_'. "domain" when
 * that leaves nothing. cfg->name is all NULs on entry. */
static void name_from_path(struct word path, struct domain_config *cfg)
{
	uint32_t start = 0, end = path.len, n = 0;

	for (uint32_t i = 0; i < path.len; i++)
		if (path.start[i] == '/')
			start = i + 1;
	for (uint32_t i = start; i < path.len; i++)
		if (path.start[i] == '.')
			end = i;
	for (uint32_t i = start; i < end && n < DOMAIN_NAME_MAX; i++, n++)
		cfg->name[n] = is_name_char(path.start[i]) ? path.start[i] : '_';
	if (n == 0)
		for (uint32_t i = 0; i < sizeof(DEFAULT_NAME); i++)
			cfg->name[i] = DEFAULT_NAME[i];
}

const char *domain_config_parse(const char *cmdline, struct domain_config *out)
{
	struct parse_state st = { .cfg = { .mem_pages = DOMAIN_MEM_DEFAULT_PAGES,
					   .transport = HC_TRANSPORT_INT82,
					   .fast_trap = 1,
					   .weight = 256 } };
	uint32_t len = 0;
	const char *why;

	if (cmdline)
		while (len <= DOMAIN_CMDLINE_MAX && cmdline[len] != '\0')
			len++;
	if (len > DOMAIN_CMDLINE_MAX)
		return "command line too long";

	bool first = true;
	for (uint32_t pos = 0; pos < len;) {
		if (is_space(cmdline[pos])) {
			pos++;
			continue;
		}
		struct word w = { cmdline + pos, 0 };
		while (pos < len && !is_space(cmdline[pos]))
			pos++, w.len++;
		if ((why = take_word(w, first, &st)))
			return why;
		first = false;
	}

	if (!(st.seen & (1u << KEY_NAME)))
		name_from_path(st.path, &st.cfg);
	*out = st.cfg;
	return NULL;
}
