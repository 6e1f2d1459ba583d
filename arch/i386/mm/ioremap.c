/* arch/i386/mm/ioremap.c - being written (issue 4). */
#include <linux/vmalloc.h>
