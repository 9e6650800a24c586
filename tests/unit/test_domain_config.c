/* test_domain_config.c: what a module command line may ask for, and what it may not.
 *
 * Every line is parsed from a read-only copy that ends where an inaccessible guard
 * page begins, so reading past the terminating NUL (or past the 256 bytes an
 * unterminated line may have) crashes the test instead of passing silently. */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dom/domain_config.h"
#include "guard_copy.h"

/* Parse the len bytes at bytes from a read-only copy that ends at a guard page. */
static const char *parse_bytes(const char *bytes, size_t len, struct domain_config *cfg)
{
	struct guard_copy g = guard_copy_make(bytes, len);
	const char *why = domain_config_parse(g.bytes, cfg);
	guard_copy_free(&g);
	return why;
}

static const char *parse(const char *line, struct domain_config *cfg)
{
	return parse_bytes(line, strlen(line) + 1, cfg);
}

static struct domain_config expect_ok(const char *line)
{
	struct domain_config cfg;
	const char *why = parse(line, &cfg);
	cr_assert_null(why, "\"%s\" rejected: %s", line, why);
	return cfg;
}

static void expect_reason(const char *line, const char *want)
{
	struct domain_config cfg;
	const char *got = parse(line, &cfg);
	cr_assert(got && strcmp(got, want) == 0, "\"%s\": want \"%s\", got \"%s\"", line, want,
		  got ? got : "(accepted)");
}

/* ---- Defaults and the module path ---- */

Test(domain_config, empty_line_gives_defaults)
{
	struct domain_config cfg = expect_ok("");
	cr_assert_str_eq(cfg.name, "domain");
	cr_assert_eq(cfg.mem_pages, 1024);
	cr_assert_eq(cfg.transport, HC_TRANSPORT_INT82);
}

Test(domain_config, null_line_gives_defaults)
{
	struct domain_config cfg;
	cr_assert_null(domain_config_parse(NULL, &cfg));
	cr_assert_str_eq(cfg.name, "domain");
	cr_assert_eq(cfg.mem_pages, 1024);
	cr_assert_eq(cfg.transport, HC_TRANSPORT_INT82);
}

Test(domain_config, name_is_the_path_basename_without_extension)
{
	cr_assert_str_eq(expect_ok("build/x/guest.elf").name, "guest");
	cr_assert_str_eq(expect_ok("guest").name, "guest");
	cr_assert_str_eq(expect_ok("/a.b/c.d.elf").name, "c.d");
}

Test(domain_config, name_is_padded_with_nuls)
{
	struct domain_config cfg = expect_ok("build/guest.elf");
	for (size_t i = strlen("guest"); i < sizeof(cfg.name); i++)
		cr_assert_eq(cfg.name[i], '\0', "byte %zu", i);
}

Test(domain_config, path_with_nothing_left_gives_domain)
{
	cr_assert_str_eq(expect_ok("build/x/").name, "domain");
	cr_assert_str_eq(expect_ok("build/.elf").name, "domain");
}

Test(domain_config, path_name_is_cut_to_31_characters_and_cleaned)
{
	cr_assert_str_eq(expect_ok("d/a-very-long-module-file-name-indeed.elf").name,
			 "a-very-long-module-file-name-in");
	cr_assert_str_eq(expect_ok("d/g$u+st.elf").name, "g_u_st");
}

Test(domain_config, only_the_first_word_is_a_path)
{
	cr_assert_str_eq(expect_ok("first.elf second.elf").name, "first");
	cr_assert_str_eq(expect_ok("mem=8M second.elf").name, "domain");
}

Test(domain_config, spaces_and_tabs_separate_words)
{
	struct domain_config cfg = expect_ok("  \tguest.elf \t mem=8M\t\thypercall=vmcall  ");
	cr_assert_str_eq(cfg.name, "guest");
	cr_assert_eq(cfg.mem_pages, 2048);
	cr_assert_eq(cfg.transport, HC_TRANSPORT_VMCALL);
}

/* ---- name= ---- */

Test(domain_config, name_key_overrides_the_path)
{
	cr_assert_str_eq(expect_ok("build/x/guest.elf name=foo").name, "foo");
	cr_assert_str_eq(expect_ok("name=A-z_0.9").name, "A-z_0.9");
}

Test(domain_config, name_of_31_characters_is_accepted)
{
	cr_assert_str_eq(expect_ok("name=abcdefghijklmnopqrstuvwxyz01234").name,
			 "abcdefghijklmnopqrstuvwxyz01234");
}

Test(domain_config, name_of_32_characters)
{
	expect_reason("name=abcdefghijklmnopqrstuvwxyz012345",
		      "name= is longer than 31 characters");
}

Test(domain_config, empty_name)
{
	expect_reason("guest.elf name=", "name= is empty");
}

Test(domain_config, name_with_a_forbidden_character)
{
	expect_reason("name=foo/bar", "name= has a character outside [A-Za-z0-9_.-]");
	expect_reason("name=a=b", "name= has a character outside [A-Za-z0-9_.-]");
	expect_reason("name=\x80", "name= has a character outside [A-Za-z0-9_.-]");
}

/* ---- mem= ---- */

Test(domain_config, mem_with_each_unit)
{
	cr_assert_eq(expect_ok("mem=8M").mem_pages, 2048);
	cr_assert_eq(expect_ok("mem=8m").mem_pages, 2048);
	cr_assert_eq(expect_ok("mem=4096K").mem_pages, 1024);
	cr_assert_eq(expect_ok("mem=2048k").mem_pages, 512);
	cr_assert_eq(expect_ok("mem=1048576").mem_pages, 256);
	cr_assert_eq(expect_ok("mem=0008M").mem_pages, 2048);
}

Test(domain_config, mem_limits_are_inclusive)
{
	cr_assert_eq(expect_ok("mem=1M").mem_pages, 256);
	cr_assert_eq(expect_ok("mem=48M").mem_pages, 48 * 256);
	cr_assert_eq(expect_ok("mem=50331648").mem_pages, 48 * 256);
}

Test(domain_config, mem_below_1_mib)
{
	expect_reason("mem=1020K", "mem= is below 1 MiB");
	expect_reason("mem=0", "mem= is below 1 MiB");
	expect_reason("mem=0M", "mem= is below 1 MiB");
}

Test(domain_config, mem_above_48_mib)
{
	expect_reason("mem=49M", "mem= is above 48 MiB");
	expect_reason("mem=50331649", "mem= is above 48 MiB");
}

Test(domain_config, mem_huge_numbers_do_not_overflow)
{
	expect_reason("mem=99999999999M", "mem= is above 48 MiB");
	expect_reason("mem=18446744073709551617", "mem= is above 48 MiB"); /* 2^64 + 1 */
	expect_reason("mem=4398046511105K", "mem= is above 48 MiB");	   /* (2^42 + 1) K */
	expect_reason("mem=99999999999999999999999999999999999999999999999999M",
		      "mem= is above 48 MiB");
}

Test(domain_config, mem_not_whole_pages)
{
	expect_reason("mem=1048577", "mem= is not a whole number of 4 KiB pages");
	expect_reason("mem=1025K", "mem= is not a whole number of 4 KiB pages");
}

Test(domain_config, mem_without_a_number)
{
	expect_reason("mem=", "mem= needs a number");
	expect_reason("mem=M", "mem= needs a number");
	expect_reason("mem=-8M", "mem= needs a number");
	expect_reason("mem=+8M", "mem= needs a number");
}

Test(domain_config, mem_with_a_bad_suffix)
{
	expect_reason("mem=1G", "mem= has a suffix other than K or M");
	expect_reason("mem=8MB", "mem= has a suffix other than K or M");
	expect_reason("mem=8M8", "mem= has a suffix other than K or M");
	expect_reason("mem=8 M", "mem= is below 1 MiB"); /* a space ends the value: 8 bytes */
}

/* ---- hypercall= ---- */

Test(domain_config, hypercall_transports)
{
	cr_assert_eq(expect_ok("hypercall=vmcall").transport, HC_TRANSPORT_VMCALL);
	cr_assert_eq(expect_ok("hypercall=int").transport, HC_TRANSPORT_INT82);
}

Test(domain_config, hypercall_unknown_transport)
{
	expect_reason("hypercall=", "hypercall= must be int or vmcall");
	expect_reason("hypercall=VMCALL", "hypercall= must be int or vmcall");
	expect_reason("hypercall=vmcal", "hypercall= must be int or vmcall");
	expect_reason("hypercall=vmcalls", "hypercall= must be int or vmcall");
	expect_reason("hypercall=in", "hypercall= must be int or vmcall");
}

/* ---- fasttrap= ---- */

Test(domain_config, fast_trap_defaults_on)
{
	cr_assert_eq(expect_ok("guest.elf").fast_trap, 1);
}

Test(domain_config, fast_trap_on_and_off)
{
	cr_assert_eq(expect_ok("fasttrap=off").fast_trap, 0);
	cr_assert_eq(expect_ok("fasttrap=on").fast_trap, 1);
}

Test(domain_config, fast_trap_bad_value_or_twice)
{
	expect_reason("fasttrap=yes", "fasttrap= must be on or off");
	expect_reason("fasttrap=", "fasttrap= must be on or off");
	expect_reason("fasttrap=on fasttrap=off", "fasttrap= given twice");
}

/* ---- emulate= ---- */

Test(domain_config, emulate_defaults_off)
{
	cr_assert_eq(expect_ok("guest.elf").emulate_cli, 0);
	cr_assert_eq(expect_ok("").emulate_cli, 0);
}

Test(domain_config, emulate_0_and_1)
{
	cr_assert_eq(expect_ok("guest.elf emulate=1").emulate_cli, 1);
	cr_assert_eq(expect_ok("emulate=0").emulate_cli, 0);
}

Test(domain_config, emulate_bad_value_or_twice)
{
	const char *why = "emulate= must be 0 or 1";
	expect_reason("emulate=", why);
	expect_reason("emulate=on", why);
	expect_reason("emulate=2", why);
	expect_reason("emulate=01", why);
	expect_reason("emulate=10", why);
	expect_reason("emulate=1 emulate=1", "emulate= given twice");
}

/* ---- weight= and expect= ---- */

Test(domain_config, weight_defaults_to_256_and_takes_1_to_65535)
{
	cr_assert_eq(expect_ok("guest.elf").weight, 256);
	cr_assert_eq(expect_ok("weight=1").weight, 1);
	cr_assert_eq(expect_ok("weight=65535").weight, 65535);
}

Test(domain_config, weight_out_of_range_or_not_a_number)
{
	const char *why = "weight= must be a number from 1 to 65535";
	expect_reason("weight=0", why);
	expect_reason("weight=65536", why);
	expect_reason("weight=999999", why);
	expect_reason("weight=", why);
	expect_reason("weight=12a", why);
	expect_reason("weight=1 weight=2", "weight= given twice");
}

Test(domain_config, expect_finish_marks_the_domain)
{
	cr_assert_eq(expect_ok("guest.elf").expect_finish, 0);
	cr_assert_eq(expect_ok("expect=finish").expect_finish, 1);
	expect_reason("expect=done", "expect= must be finish");
}

/* ---- Keys given twice, keys that belong to the guest ---- */

Test(domain_config, name_given_twice)
{
	expect_reason("name=a name=a", "name= given twice");
}

Test(domain_config, mem_given_twice)
{
	expect_reason("mem=8M guest=1 mem=8M", "mem= given twice");
}

Test(domain_config, hypercall_given_twice)
{
	expect_reason("hypercall=int hypercall=vmcall", "hypercall= given twice");
}

Test(domain_config, guest_words_pass_through)
{
	struct domain_config cfg =
		expect_ok("guest.elf console=hvc0 debug a=b=c = =x mem8M=1 names=x MEM=1G mem");
	cr_assert_str_eq(cfg.name, "guest");
	cr_assert_eq(cfg.mem_pages, 1024);
	cr_assert_eq(cfg.transport, HC_TRANSPORT_INT82);
}

/* ---- Length and hostile bytes ---- */

static void fill(char *line, size_t len)
{
	memcpy(line, "guest.elf ", 10);
	memset(line + 10, 'x', len - 10);
	line[len] = '\0';
}

Test(domain_config, line_of_255_characters_is_accepted)
{
	char line[256];
	fill(line, 255);
	cr_assert_str_eq(expect_ok(line).name, "guest");
}

Test(domain_config, line_of_256_characters_is_too_long)
{
	char line[257];
	fill(line, 256);
	expect_reason(line, "command line too long");
}

Test(domain_config, unterminated_line_is_read_no_further_than_256_bytes)
{
	char line[257];
	fill(line, 256);
	struct domain_config cfg;
	const char *why = parse_bytes(line, 256, &cfg); /* no NUL, the guard page follows */
	cr_assert_str_eq(why, "command line too long");
}

Test(domain_config, failure_leaves_out_untouched)
{
	struct domain_config cfg, before;
	memset(&cfg, 0xa5, sizeof(cfg));
	before = cfg;
	cr_assert_not_null(parse("name=ok mem=8M hypercall=bad", &cfg));
	cr_assert_arr_eq(&cfg, &before, sizeof(cfg));
}

static uint32_t rng_state;
static uint32_t rng(void) /* xorshift32: deterministic, so failures reproduce */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Random lines, mostly made of the characters the parser cares about, never crash,
 * and whatever is accepted is a valid configuration. */
Test(domain_config, random_lines_never_crash)
{
	static const char alphabet[] = "namehypercallvmcintKkMm0123456789=/. \t_-$\x80";
	char line[300];
	rng_state = 0x2545f491u;
	for (int n = 0; n < 10000; n++) {
		size_t len = rng() % sizeof(line);
		for (size_t i = 0; i < len; i++)
			line[i] = n % 4 ? alphabet[rng() % (sizeof(alphabet) - 1)] :
					  (char)(rng() | 1);
		line[len] = '\0';
		struct domain_config cfg;
		if (parse_bytes(line, len + 1, &cfg))
			continue;
		size_t name_len = strnlen(cfg.name, sizeof(cfg.name));
		cr_assert(name_len >= 1 && name_len <= DOMAIN_NAME_MAX);
		cr_assert_eq(strspn(cfg.name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					      "0123456789_.-"),
			     name_len);
		cr_assert(cfg.mem_pages >= 256 && cfg.mem_pages <= 48 * 256);
		cr_assert(cfg.transport == HC_TRANSPORT_INT82 ||
			  cfg.transport == HC_TRANSPORT_VMCALL);
	}
}
