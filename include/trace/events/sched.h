/*
 * trace/events/sched.h - the scheduler's tracepoint (linux/tracepoint.h).
 *
 *   sched_switch   in schedule(), when @next will run instead of @prev,
 *                  before context_switch(): CR3 still holds prev's page
 *                  directory, and prev->state says why it stops running
 *                  (TASK_RUNNING: it was preempted, or yielded).
 *
 * Mirrors: include/trace/events/sched.h sched_switch (2.6.28+).
 */
#ifndef _TRACE_EVENTS_SCHED_H
#define _TRACE_EVENTS_SCHED_H

#include <linux/tracepoint.h>

struct task_struct;

DECLARE_TRACE(sched_switch,
	TP_PROTO(struct task_struct *prev, struct task_struct *next),
	TP_ARGS(prev, next))

#endif /* _TRACE_EVENTS_SCHED_H */
