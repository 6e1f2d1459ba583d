/* mm/vmalloc.c - being written (issue 4). */
#include <linux/vmalloc.h>

int vmalloc_fault(unsigned long address)
{
	(void)address;
	return -1;
}
