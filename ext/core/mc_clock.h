/* Monotonic milliseconds: the clock every deadline is measured on. */
#ifndef MC_CLOCK_H
#define MC_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline int64_t mc_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static inline int64_t mc_now_ms(void)
{
	return mc_now_us() / 1000;
}

#endif
