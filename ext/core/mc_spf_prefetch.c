#include "mc_spf_prefetch.h"
#include "mc_spf_record.h"
#include "mc_spf.h"
#include "mc_name.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* The top record and one per include/redirect term that may be sent. */
#define MAX_RECORDS (MC_SPF_MAX_DNS_TERMS + 1)

typedef enum { REC_ASKED, REC_READY, REC_DEAD } rec_state;

typedef struct {
	mc_spf_record rec;
	rec_state state;
	char *domain;
	mc_dns_query *txt;
	int *child;              /* per term: the record it names (include/redirect), or -1 */
	mc_dns_query **asked;    /* per term: its lookup once sent (a, mx, exists, ptr) */
	int *followed;           /* per term: MX hosts / PTR names already asked */
} pf_record;

typedef struct mc_spf_walk {
	const mc_spf_macro_env *env;
	char *domain;
	mc_dns_batch *batch;     /* the level being filled */
	int added;               /* queries added to it */
	pf_record recs[MAX_RECORDS];
	int nrecs;
	int terms_sent;
	/* the walk in evaluation order */
	int position;
	int voids;
} prefetch;

static void ask(prefetch *p, mc_dns_query **slot, const char *name, uint16_t type)
{
	*slot = mc_dns_batch_add(p->batch, name, type);
	p->added++;
}

static int add_record(prefetch *p, const char *domain)
{
	if (p->nrecs == MAX_RECORDS) {
		return -1;
	}
	pf_record *r = &p->recs[p->nrecs];
	memset(r, 0, sizeof(*r));
	r->domain = strdup(domain);
	if (!r->domain) {
		return -1;
	}
	r->state = REC_ASKED;
	ask(p, &r->txt, domain, MC_DNS_T_TXT);
	return p->nrecs++;
}

/* The name a domain-spec names for this record, as mc_spf_check's rewrite
 * will ask it: expanded, cut to 253 octets from the left (§7.3). 0 when
 * there is one to ask. */
static int target(prefetch *p, const pf_record *r, const mc_spf_term *term, char out[MC_DNS_NAME_BUF])
{
	const char *spec = term->domain_spec;
	char *expanded = NULL;
	if (spec) {
		if (strstr(spec, "%{p") || strstr(spec, "%{P")) {
			return -1;   /* needs the validated PTR name: the evaluation finds it */
		}
		mc_spf_macro_env env = *p->env;
		env.domain = r->domain;
		expanded = mc_spf_macro_expand(spec, strlen(spec), 0, &env);
		if (!expanded) {
			return -1;
		}
	}
	const char *name = expanded ? expanded : r->domain;
	while (strlen(name) > MC_NAME_MAX && strchr(name, '.')) {
		name = strchr(name, '.') + 1;
	}
	int ok = mc_name_is_askable(name) && strlen(name) < MC_DNS_NAME_BUF;
	if (ok) {
		memcpy(out, name, strlen(name) + 1);
	}
	free(expanded);
	return ok ? 0 : -1;
}

static int is_void(const mc_dns_query *q)
{
	return q && q->answer && (q->answer->status == MC_DNS_NXDOMAIN || q->answer->status == MC_DNS_NODATA);
}

/* The addresses behind an answered mx or ptr term, for the next level. */
static void follow_names(prefetch *p, pf_record *r, size_t i)
{
	const mc_dns_query *q = r->asked[i];
	if (r->followed[i] || !q || !q->answer || q->answer->status != MC_DNS_OK) {
		return;
	}
	r->followed[i] = 1;
	uint16_t family = p->env->ip->family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
	size_t n = q->answer->count < MC_SPF_MAX_MX_NAMES ? q->answer->count : MC_SPF_MAX_MX_NAMES;
	for (size_t k = 0; k < n; k++) {
		const char *name = (const char *)q->answer->rrs[k].data;
		mc_dns_query *ignored;
		if (mc_name_is_askable(name) && !mc_spf_is_standin(name)) {
			ask(p, &ignored, name, family);
		}
	}
}

/* One term met by the walk: its lookup is sent while the walk is within
 * what an evaluation may reach. Returns 0 to stop the walk. */
static int visit(prefetch *p, int ri, size_t i)
{
	pf_record *r = &p->recs[ri];
	const mc_spf_term *term = &r->rec.terms[i];
	if (++p->position > MC_SPF_MAX_DNS_TERMS) {
		return 0;
	}
	int nested = term->kind == MC_SPF_M_INCLUDE || term->kind == MC_SPF_MOD_REDIRECT;
	int sent = nested ? r->child[i] >= 0 : r->asked[i] != NULL;
	if (!sent && p->terms_sent < MC_SPF_MAX_DNS_TERMS) {
		char name[MC_DNS_NAME_BUF];
		uint16_t family = p->env->ip->family == AF_INET ? MC_DNS_T_A : MC_DNS_T_AAAA;
		if (term->kind == MC_SPF_M_PTR) {
			char reverse[MC_IP_REVERSE_LEN];
			mc_ip_reverse_name(p->env->ip, reverse);
			ask(p, &r->asked[i], reverse, MC_DNS_T_PTR);
			p->terms_sent++;
		} else if (target(p, r, term, name) == 0) {
			p->terms_sent++;
			if (nested) {
				r->child[i] = add_record(p, name);
			} else {
				/* exists: asks for an A record whatever the client's family (§5.7) */
				ask(p, &r->asked[i], name, term->kind == MC_SPF_M_MX ? MC_DNS_T_MX
					: term->kind == MC_SPF_M_EXISTS ? MC_DNS_T_A : family);
			}
		} else {
			return 0;  /* the evaluation ends here (invalid) or needs %{p} */
		}
		return 1;
	}
	if (nested) {
		int child = r->child[i];
		if (child >= 0 && is_void(p->recs[child].txt) && ++p->voids > MC_SPF_MAX_VOID_LOOKUPS) {
			return 0;
		}
		return 1;
	}
	if (is_void(r->asked[i]) && ++p->voids > MC_SPF_MAX_VOID_LOOKUPS) {
		return 0;
	}
	if (term->kind == MC_SPF_M_MX || term->kind == MC_SPF_M_PTR) {
		follow_names(p, r, i);
	}
	return 1;
}

/* Walks the known tree in evaluation order (mechanisms up to "all", an
 * include's record where the include stands, redirect= last). */
static int walk(prefetch *p, int ri)
{
	pf_record *r = &p->recs[ri];
	if (r->state != REC_READY) {
		return 1;
	}
	long redirect = -1;
	for (size_t i = 0; i < r->rec.count; i++) {
		mc_spf_term_kind kind = r->rec.terms[i].kind;
		if (kind == MC_SPF_M_ALL) {
			return 1;   /* §5.1: nothing after "all" is evaluated; redirect= is ignored */
		}
		if (kind == MC_SPF_MOD_REDIRECT) {
			redirect = (long)i;
		}
		if (kind == MC_SPF_M_IP4 || kind == MC_SPF_M_IP6 || kind >= MC_SPF_MOD_REDIRECT) {
			continue;
		}
		if (!visit(p, ri, i)) {
			return 0;
		}
		if (kind == MC_SPF_M_INCLUDE && r->child[i] >= 0) {
			/* an include without a valid record ends the evaluation */
			if (p->recs[r->child[i]].state == REC_DEAD || !walk(p, r->child[i])) {
				return 0;
			}
		}
	}
	if (redirect >= 0) {
		if (!visit(p, ri, (size_t)redirect)) {
			return 0;
		}
		if (r->child[redirect] >= 0) {
			return walk(p, r->child[redirect]);
		}
	}
	return 1;
}

/* Reads the records the last level brought. */
static void take_records(prefetch *p)
{
	for (int ri = 0; ri < p->nrecs; ri++) {
		pf_record *r = &p->recs[ri];
		if (r->state != REC_ASKED || !r->txt->answer) {
			continue;
		}
		r->state = REC_DEAD;
		const mc_dns_answer *a = r->txt->answer;
		const mc_dns_rr *found = NULL;
		int nfound = 0;
		for (size_t i = 0; a->status == MC_DNS_OK && i < a->count; i++) {
			if (mc_spf_is_record((const char *)a->rrs[i].data, a->rrs[i].len)) {
				found = &a->rrs[i];
				nfound++;
			}
		}
		if (nfound != 1 || mc_spf_record_parse((const char *)found->data, found->len, &r->rec) < 0) {
			continue;
		}
		if (!r->rec.valid) {
			mc_spf_record_free(&r->rec);
			continue;
		}
		size_t n = r->rec.count ? r->rec.count : 1;
		r->child = malloc(n * sizeof(int));
		r->asked = calloc(n, sizeof(mc_dns_query *));
		r->followed = calloc(n, sizeof(int));
		if (!r->child || !r->asked || !r->followed) {
			mc_spf_record_free(&r->rec);
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			r->child[i] = -1;
		}
		r->state = REC_READY;
	}
}

mc_spf_walk *mc_spf_walk_new(const char *domain, const mc_spf_macro_env *env)
{
	prefetch *p = calloc(1, sizeof(*p));
	if (p && !(p->domain = strdup(domain))) {
		free(p);
		return NULL;
	}
	if (p) {
		p->env = env;
	}
	return p;
}

int mc_spf_walk_level(mc_spf_walk *p, mc_dns_batch *batch)
{
	p->batch = batch;
	p->added = 0;
	if (p->nrecs == 0) {
		if (mc_name_is_askable(p->domain)) {
			add_record(p, p->domain);
		}
		return p->added;
	}
	take_records(p);
	p->position = 0;
	p->voids = 0;
	walk(p, 0);
	return p->added;
}

void mc_spf_walk_free(mc_spf_walk *p)
{
	if (!p) {
		return;
	}
	for (int ri = 0; ri < p->nrecs; ri++) {
		pf_record *r = &p->recs[ri];
		if (r->state == REC_READY) {
			mc_spf_record_free(&r->rec);
		}
		free(r->domain);
		free(r->child);
		free(r->asked);
		free(r->followed);
	}
	free(p->domain);
	free(p);
}

void mc_spf_prefetch(mc_dns *dns, const char *domain, const mc_spf_macro_env *env, int64_t deadline_ms)
{
	if (!mc_name_is_askable(domain) || mc_dns_is_cached(dns, domain, MC_DNS_T_TXT)) {
		return;
	}
	mc_spf_walk *walk = mc_spf_walk_new(domain, env);
	/* A level's queries are read by the next levels: batches stay open
	 * until the end. Each level sends at least one query and there are
	 * at most 10 terms, each with its names: this bounds the levels. */
	mc_dns_batch *levels[MC_SPF_MAX_DNS_TERMS * 2 + 2];
	int nlevels = 0;
	while (walk && nlevels < (int)(sizeof(levels) / sizeof(levels[0]))) {
		mc_dns_batch *batch = mc_dns_batch_new(dns, deadline_ms);
		if (!batch) {
			break;
		}
		levels[nlevels++] = batch;
		if (mc_spf_walk_level(walk, batch) == 0) {
			break;
		}
		mc_dns_batch_wait(batch);
	}
	mc_spf_walk_free(walk);
	for (int i = 0; i < nlevels; i++) {
		mc_dns_batch_free(levels[i]);
	}
}
