#include "mc_mailmsg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_wsp(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int same_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
			return 0;
		}
	}
	return 1;
}

/* A NUL is read as a space everywhere (see mc_mailmsg.h). */
static unsigned char byte_at(const char *s, size_t i)
{
	return s[i] == '\0' ? ' ' : (unsigned char)s[i];
}

/* ------------------------------------------------------------------ */
/* Headers */

/* The next line of s[*pos..len): its start and length without the line
 * break; *pos moves past the break. A CR LF pair is one break; a CR or an
 * LF on its own is one too (why: mc_mailmsg.h). 0 at the end. */
static int next_line(const char *s, size_t len, size_t *pos, size_t *start, size_t *llen)
{
	size_t i = *pos;

	if (i >= len) {
		return 0;
	}
	*start = i;
	while (i < len && s[i] != '\r' && s[i] != '\n') {
		i++;
	}
	*llen = i - *start;
	if (i < len) {
		i += (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
	}
	*pos = i;
	return 1;
}

/* When line[0..llen) is a header field (name of printable ASCII other than
 * ":", optional SP/HTAB, ":"), the name's length and *colon the offset of
 * the colon; else 0. A NUL is a space here too, so "From\0:" is "From :". */
static size_t field_name(const char *line, size_t llen, size_t *colon)
{
	size_t n = 0, i;

	while (n < llen) {
		unsigned char c = byte_at(line, n);
		if (c < 33 || c > 126 || c == ':') {
			break;
		}
		n++;
	}
	if (n == 0) {
		return 0;
	}
	for (i = n; i < llen && is_wsp(byte_at(line, i)); i++) {
	}
	if (i >= llen || line[i] != ':') {
		return 0;
	}
	*colon = i;
	return n;
}

char *mc_mailmsg_header_value(const char *headers, size_t len, const char *name)
{
	size_t name_len, pos = 0, start, llen, colon, n;
	char *out = NULL;
	size_t olen = 0, b, e;

	if (headers == NULL || name == NULL || (name_len = strlen(name)) == 0) {
		return NULL;
	}
	while (next_line(headers, len, &pos, &start, &llen)) {
		const char *line = headers + start;

		if (llen == 0) {
			break;                  /* the blank line: the body follows */
		}
		if (is_wsp(byte_at(line, 0))) {
			if (out != NULL) {      /* a fold of our field: unfold */
				for (size_t i = 0; i < llen; i++) {
					out[olen++] = (char)byte_at(line, i);
				}
			}
			continue;               /* a fold of another field, or of nothing */
		}
		if (out != NULL) {
			break;                  /* the next field: ours is complete, and the first wins */
		}
		n = field_name(line, llen, &colon);
		if (n == 0) {
			break;                  /* not a field: the MTA starts the body here */
		}
		if (n == name_len && same_ci(line, name, n)) {
			/* The value and its folds are at most what is left of the input. */
			out = malloc(len - (start + colon + 1) + 1);
			if (out == NULL) {
				return NULL;
			}
			for (size_t i = colon + 1; i < llen; i++) {
				out[olen++] = (char)byte_at(line, i);
			}
		}
	}
	if (out == NULL) {
		return NULL;
	}
	for (b = 0; b < olen && is_wsp((unsigned char)out[b]); b++) {
	}
	for (e = olen; e > b && is_wsp((unsigned char)out[e - 1]); e--) {
	}
	memmove(out, out + b, e - b);
	out[e - b] = '\0';
	return out;
}

size_t mc_mailmsg_header_count(const char *headers, size_t len, const char *name)
{
	size_t name_len, pos = 0, start, llen, colon, n, count = 0;

	if (headers == NULL || name == NULL || (name_len = strlen(name)) == 0) {
		return 0;
	}
	while (next_line(headers, len, &pos, &start, &llen) && llen > 0) {
		const char *line = headers + start;
		if (is_wsp(byte_at(line, 0))) {
			continue;
		}
		if ((n = field_name(line, llen, &colon)) == 0) {
			break;
		}
		count += n == name_len && same_ci(line, name, n);
	}
	return count;
}

/* ------------------------------------------------------------------ */
/* Command lines */

/* sh word splitting of the first simple command of a command line, as
 * /bin/sh -c sees it: blanks separate words; '...' and "..." quote (in
 * double quotes a backslash escapes only $ ` " \ and newline); a backslash
 * outside quotes takes the next byte literally, and with a newline joins
 * lines; a # starting a word is a comment; ; & | ( ) and an unquoted
 * newline end the command; a redirection (<, >, >>, 2>&1, <>, ...) with its
 * optional file-descriptor number and its target is no argument. No
 * expansion is done. An unterminated quote runs to the end (sh would
 * refuse the command, and then nothing is sent either way). */
typedef struct {
	const char *s;
	size_t len;
	size_t pos;
	int ended;                      /* the first command is over */
	size_t start;                   /* where the word last read began */
	char *word;                     /* room for the longest word: len bytes */
	size_t wlen;
	size_t unquoted;                /* how many leading bytes of word came unquoted; SIZE_MAX: all */
} sh_words;

static int sh_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int sh_ends_command(unsigned char c)
{
	return c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')';
}

static void sh_put(sh_words *w, unsigned char c, int quoted)
{
	if (quoted && w->unquoted == SIZE_MAX) {
		w->unquoted = w->wlen;
	}
	w->word[w->wlen++] = (char)c;
}

/* Reads one word (maybe empty, like '') into w->word; 0 when there is none
 * (a comment). Stops, without taking it, at a blank, at the end of the
 * command, and at a < or >. *io_number is set when the word read so far is
 * unquoted digits right before that < or >: "2>" redirects fd 2 and "2" is
 * no word, while "a2>" is the word "a2" and then a redirection. */
static int sh_read_word(sh_words *w, int *io_number)
{
	int in_word = 0;

	w->wlen = 0;
	w->unquoted = SIZE_MAX;
	*io_number = 0;
	while (w->pos < w->len) {
		unsigned char c = byte_at(w->s, w->pos);

		if (sh_blank(c) || sh_ends_command(c)) {
			break;
		}
		if (c == '<' || c == '>') {
			/* "2>": the digits were a file-descriptor number, not a word */
			if (in_word && w->unquoted == SIZE_MAX && w->wlen > 0) {
				size_t i;
				for (i = 0; i < w->wlen && w->word[i] >= '0' && w->word[i] <= '9'; i++) {
				}
				if (i == w->wlen) {
					*io_number = 1;
				}
			}
			break;
		}
		if (c == '#' && !in_word) {
			/* a comment runs to the end of the line, which ends the command */
			w->ended = 1;
			return 0;
		}
		in_word = 1;
		if (c == '\\') {
			if (w->pos + 1 >= w->len) {
				sh_put(w, '\\', 0);
				w->pos++;
			} else if (w->s[w->pos + 1] == '\n') {
				w->pos += 2;    /* a line continuation: nothing */
			} else {
				sh_put(w, byte_at(w->s, w->pos + 1), 1);
				w->pos += 2;
			}
		} else if (c == '\'') {
			w->pos++;
			if (w->unquoted == SIZE_MAX) {
				w->unquoted = w->wlen;
			}
			while (w->pos < w->len && w->s[w->pos] != '\'') {
				sh_put(w, byte_at(w->s, w->pos++), 1);
			}
			w->pos++;               /* the closing quote (or past the end) */
		} else if (c == '"') {
			w->pos++;
			if (w->unquoted == SIZE_MAX) {
				w->unquoted = w->wlen;
			}
			while (w->pos < w->len && w->s[w->pos] != '"') {
				unsigned char d = byte_at(w->s, w->pos);
				if (d == '\\' && w->pos + 1 < w->len) {
					unsigned char n = (unsigned char)w->s[w->pos + 1];
					if (n == '\n') {
						w->pos += 2;
						continue;
					}
					if (n == '$' || n == '`' || n == '"' || n == '\\') {
						sh_put(w, n, 1);
						w->pos += 2;
						continue;
					}
				}
				sh_put(w, d, 1);
				w->pos++;
			}
			w->pos++;
		} else {
			sh_put(w, c, 0);
			w->pos++;
		}
	}
	if (w->pos > w->len) {
		w->pos = w->len;
	}
	return in_word;
}

/* The next argument word of the first command: 1 with it in w->word, 0 at
 * the end. Redirections and their targets are passed over in a loop (no
 * recursion). */
static int sh_next(sh_words *w)
{
	for (;;) {
		int io_number;
		unsigned char c;

		while (w->pos < w->len && sh_blank(byte_at(w->s, w->pos))) {
			w->pos++;
		}
		if (w->ended || w->pos >= w->len) {
			return 0;
		}
		c = byte_at(w->s, w->pos);
		if (sh_ends_command(c)) {
			w->ended = 1;
			return 0;
		}
		if (c != '<' && c != '>') {
			w->start = w->pos;
			int got = sh_read_word(w, &io_number);
			if (w->ended) {
				return 0;
			}
			if (!io_number) {
				if (got) {
					return 1;
				}
				continue;       /* nothing read: a blank or an operator is next */
			}
			/* the digits of "2>" are gone; the operator is next */
		}
		/* A redirection operator: <, >, and the second byte of <<, >>,
		 * <>, <&, >&, >| ("<<-" leaves a "-" word as the target, which
		 * is then skipped just the same). */
		w->pos++;
		if (w->pos < w->len) {
			unsigned char d = byte_at(w->s, w->pos);
			if (d == '<' || d == '>' || d == '&' || d == '|') {
				w->pos++;
			}
		}
		while (w->pos < w->len && sh_blank(byte_at(w->s, w->pos))) {
			w->pos++;
		}
		if (w->pos >= w->len || sh_ends_command(byte_at(w->s, w->pos))) {
			continue;               /* no target: sh refuses it; nothing to skip */
		}
		if (byte_at(w->s, w->pos) == '<' || byte_at(w->s, w->pos) == '>') {
			continue;
		}
		(void)sh_read_word(w, &io_number);  /* the target, dropped */
		if (w->ended) {
			return 0;
		}
	}
}

/* NAME=value before the program: an assignment, not the program. */
static int sh_is_assignment(const sh_words *w)
{
	size_t i;

	if (w->wlen == 0 || !((w->word[0] >= 'A' && w->word[0] <= 'Z')
			|| (w->word[0] >= 'a' && w->word[0] <= 'z') || w->word[0] == '_')) {
		return 0;
	}
	for (i = 1; i < w->wlen && i < w->unquoted; i++) {
		char c = w->word[i];
		if (c == '=') {
			return 1;
		}
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			return 0;
		}
	}
	return 0;
}

/* Options taking an argument, in the rest of their word or the next word:
 * postfix's getopt list (A B C F L N O R V X b e f h o p r), sendmail 8's
 * (adds d M), and msmtp's -a account, whose next word must not read as a
 * recipient that ends the options. */
static int takes_argument(unsigned char c)
{
	return c != '\0' && strchr("ABCFLMNORVXabdefhopr", c) != NULL;
}

/* The sender as the MTA takes it from the -f argument, the word just read
 * from its byte skip on: white space trimmed, and the inside of the last
 * <...> when the argument ends in one (postfix parses it as an RFC 822
 * address: "<>" is the null sender, "Name <a@x>" is a@x). A
 * backslash-quoted or double-quoted < or > is no bracket there, so none
 * here: "-f '<>'" in mail()'s 5th argument reaches the MTA as \<\>
 * (escapeshellcmd() escapes inside single quotes too) and is returned as
 * such, for the address check to refuse. Replaces *sender and sets *at
 * (when not NULL) to where the word began. 0 when out of memory. */
static int set_sender(char **sender, size_t *at, const sh_words *w, size_t skip)
{
	const char *arg = w->word + skip;
	size_t b = 0, e = w->wlen - skip, lt = SIZE_MAX;
	int escaped = 0, quoted = 0, ends_in_gt = 0;
	char *copy;

	while (b < e && is_wsp((unsigned char)arg[b])) {
		b++;
	}
	while (e > b && is_wsp((unsigned char)arg[e - 1])) {
		e--;
	}
	for (size_t i = b; i < e; i++) {
		char c = arg[i];

		ends_in_gt = 0;
		if (escaped) {
			escaped = 0;
		} else if (c == '\\') {
			escaped = 1;
		} else if (c == '"') {
			quoted = !quoted;
		} else if (!quoted && c == '<') {
			lt = i;
		} else if (!quoted && c == '>') {
			ends_in_gt = 1;
		}
	}
	if (ends_in_gt && lt != SIZE_MAX) {
		b = lt + 1;
		e--;
		while (b < e && is_wsp((unsigned char)arg[b])) {
			b++;
		}
		while (e > b && is_wsp((unsigned char)arg[e - 1])) {
			e--;
		}
	}
	copy = malloc(e - b + 1);
	if (copy == NULL) {
		return 0;
	}
	memcpy(copy, arg + b, e - b);
	copy[e - b] = '\0';
	free(*sender);
	*sender = copy;
	if (at != NULL) {
		*at = w->start;
	}
	return 1;
}

char *mc_mailmsg_envelope_from(const char *cmd, size_t len, size_t *at)
{
	sh_words w;
	char *sender = NULL;
	int before_program = 1;
	int pending = 0;                /* the next word is an option's argument: 'f' the sender's */

	if (cmd == NULL) {
		return NULL;
	}
	memset(&w, 0, sizeof(w));
	w.s = cmd;
	w.len = len;
	w.word = malloc(len + 1);
	if (w.word == NULL) {
		return NULL;
	}

	while (sh_next(&w)) {
		const char *word = w.word;
		size_t n = w.wlen;

		if (before_program) {
			if (!sh_is_assignment(&w)) {
				before_program = 0; /* this is the program */
			}
			continue;
		}
		if (pending) {
			if (pending == 'f' && !set_sender(&sender, at, &w, 0)) {
				goto oom;
			}
			pending = 0;
			continue;
		}
		if (n < 2 || word[0] != '-') {
			break;                  /* a recipient ("-" too): the options are over */
		}
		if (word[1] == '-') {
			if (n == 2) {
				break;              /* "--" */
			}
			/* msmtp's long options; others are taken as flags */
			if (n >= 7 && memcmp(word, "--from=", 7) == 0) {
				if (!set_sender(&sender, at, &w, 7)) {
					goto oom;
				}
			} else if (n == 6 && memcmp(word, "--from", 6) == 0) {
				pending = 'f';
			}
			continue;
		}
		for (size_t i = 1; i < n; i++) {
			unsigned char c = (unsigned char)word[i];
			int is_sender = c == 'f' || c == 'r';

			if (c == 'q' || c == 'Q') {
				break;              /* -q[time], -qRsite, -Q[reason]: the rest is theirs */
			}
			if (!takes_argument(c)) {
				continue;           /* a flag such as -t or -i */
			}
			if (i + 1 < n) {
				if (is_sender && !set_sender(&sender, at, &w, i + 1)) {
					goto oom;
				}
			} else {
				pending = is_sender ? 'f' : 'x';
			}
			break;
		}
	}
	free(w.word);
	return sender;

oom:
	free(w.word);
	free(sender);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Alignment */

int mc_mailmsg_domains_aligned(const char *a, const char *b)
{
	size_t la, lb;
	const char *longer, *shorter;
	size_t ll, ls;

	if (a == NULL || b == NULL) {
		return 0;
	}
	la = strlen(a);
	lb = strlen(b);
	if (la > 0 && a[la - 1] == '.') {
		la--;
	}
	if (lb > 0 && b[lb - 1] == '.') {
		lb--;
	}
	if (la == 0 || lb == 0) {
		return 0;
	}
	if (la == lb) {
		return same_ci(a, b, la);
	}
	if (la > lb) {
		longer = a; ll = la; shorter = b; ls = lb;
	} else {
		longer = b; ll = lb; shorter = a; ls = la;
	}
	/* A single-label parent is a TLD or a bare host, never an
	 * organizational domain: "com" aligns with nothing below it. */
	if (memchr(shorter, '.', ls) == NULL) {
		return 0;
	}
	return longer[ll - ls - 1] == '.' && same_ci(longer + ll - ls, shorter, ls);
}
