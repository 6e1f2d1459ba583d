/*
 * boot/user/bench.c - the user-space half of `make bench`: what a system
 * call and a context switch cost, in instructions.
 *
 * Under QEMU's -icount shift=0 the TSC advances by one per guest
 * instruction, kernel and user alike, and rdtsc works in ring 3 (CR4.TSD
 * is clear).  So the TSC difference around a loop of system calls is the
 * number of instructions the loop took: its own, the wrapper's, and the
 * kernel's from int 0x80 to iret.  Each figure includes the loop and the
 * wrapper; the first line measures a call the kernel refuses at once
 * (-ENOSYS), the floor every system call pays.
 *
 * The context switch: two processes take turns with sched_yield(), each
 * call switching to the other, so one round of the parent's loop is two
 * yields and two switches.
 *
 * Output: "bench: <what>: <N> instructions ..." lines, as the kernel's.
 * The kernel passes the unit as argv[1]: "instructions" under -icount
 * (make bench), "cycles" otherwise (tests/kernel/bench.c tsc_unit()).
 */
#include "ulib.h"

#define ROUNDS 1000

static inline unsigned int rdtsc_lo(void)
{
	unsigned int lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return lo;          /* differences below 2^32 are all we need */
}

int main(int argc, char **argv)
{
	const char *unit = argc > 1 ? argv[1] : "cycles";
	unsigned int t0, t1, nosys, getpid_rt, yield_alone, pingpong;
	int pid, status;

	getpid();                           /* fault in the pages the loops touch */
	t0 = rdtsc_lo();
	for (int i = 0; i < ROUNDS; i++)
		syscall(0x7fffffff, 0, 0, 0, 0, 0);
	t1 = rdtsc_lo();
	nosys = (t1 - t0) / ROUNDS;

	t0 = rdtsc_lo();
	for (int i = 0; i < ROUNDS; i++)
		getpid();
	t1 = rdtsc_lo();
	getpid_rt = (t1 - t0) / ROUNDS;

	t0 = rdtsc_lo();
	for (int i = 0; i < ROUNDS; i++)
		sched_yield();              /* nothing else runnable: no switch */
	t1 = rdtsc_lo();
	yield_alone = (t1 - t0) / ROUNDS;

	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < ROUNDS + 1; i++)
			sched_yield();
		exit(0);
	}
	sched_yield();                      /* let the child start its loop */
	t0 = rdtsc_lo();
	for (int i = 0; i < ROUNDS; i++)
		sched_yield();
	t1 = rdtsc_lo();
	pingpong = (t1 - t0) / (2 * ROUNDS);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
		printf("bench: context switch: fork or waitpid failed (%d)\n", pid);
		return 1;
	}

	printf("bench: unknown system call (-ENOSYS) round trip: %u %s\n", nosys, unit);
	printf("bench: getpid() round trip through int 0x80: %u %s\n", getpid_rt, unit);
	printf("bench: sched_yield() with nothing else to run: %u %s\n", yield_alone, unit);
	printf("bench: context switch between two processes (sched_yield ping-pong): "
	       "%u %s per switch, yield included\n", pingpong, unit);
	return 0;
}
