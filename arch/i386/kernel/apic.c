/* arch/i386/kernel/apic.c - being written (issue 4). */
#include <asm/fixmap.h>
