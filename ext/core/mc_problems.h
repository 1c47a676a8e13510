/* Problems found by a check, and the status they add up to. Plain C core. */
#ifndef MC_PROBLEMS_H
#define MC_PROBLEMS_H

#include <stddef.h>

/* Ordered so that the worse status compares greater: a definite failure
 * outranks "could not tell", which outranks a warning. */
typedef enum {
	MC_STATUS_OK = 0,
	MC_STATUS_WARN,
	MC_STATUS_ERROR,
	MC_STATUS_FAIL
} mc_status;

typedef struct {
	const char *code;  /* stable snake_case identifier, a string literal */
	mc_status severity;
	char *message;     /* for people: what is wrong and what to do */
} mc_problem;

typedef struct {
	mc_problem *items;
	size_t count;
	size_t capacity;
} mc_problems;

void mc_problems_init(mc_problems *list);
void mc_problems_free(mc_problems *list);
/* Adds a problem; returns 0, or -1 when out of memory (the problem is lost,
 * the list stays valid). */
int mc_problems_add(mc_problems *list, mc_status severity, const char *code,
		const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
int mc_problems_has(const mc_problems *list, const char *code);
mc_status mc_problems_status(const mc_problems *list);
const char *mc_status_name(mc_status status);

#endif
