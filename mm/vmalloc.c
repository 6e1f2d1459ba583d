/* mm/vmalloc.c - being written (issue 4). */
#include <linux/vmalloc.h>
