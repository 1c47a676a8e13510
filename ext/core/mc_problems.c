#include "mc_problems.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mc_problems_init(mc_problems *list)
{
	list->items = NULL;
	list->count = 0;
	list->capacity = 0;
}

void mc_problems_free(mc_problems *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].message);
	}
	free(list->items);
	mc_problems_init(list);
}

int mc_problems_add(mc_problems *list, mc_status severity, const char *code,
		const char *fmt, ...)
{
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 4;
		mc_problem *items = realloc(list->items, capacity * sizeof(*items));
		if (!items) {
			return -1;
		}
		list->items = items;
		list->capacity = capacity;
	}

	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0) {
		return -1;
	}
	char *message = malloc((size_t)len + 1);
	if (!message) {
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(message, (size_t)len + 1, fmt, ap);
	va_end(ap);

	mc_problem *p = &list->items[list->count++];
	p->code = code;
	p->severity = severity;
	p->message = message;
	return 0;
}

int mc_problems_has(const mc_problems *list, const char *code)
{
	for (size_t i = 0; i < list->count; i++) {
		if (strcmp(list->items[i].code, code) == 0) {
			return 1;
		}
	}
	return 0;
}

mc_status mc_problems_status(const mc_problems *list)
{
	mc_status worst = MC_STATUS_OK;
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].severity > worst) {
			worst = list->items[i].severity;
		}
	}
	return worst;
}

const char *mc_status_name(mc_status status)
{
	switch (status) {
		case MC_STATUS_OK: return "ok";
		case MC_STATUS_WARN: return "warn";
		case MC_STATUS_ERROR: return "error";
		case MC_STATUS_FAIL: return "fail";
	}
	return "error";
}
