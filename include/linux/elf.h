/*
 * linux/elf.h - the parts of a 32-bit ELF executable that exec reads:
 * the ELF header and the program header table (System V ABI, chapter 4
 * and 5; the i386 supplement).
 *
 *   file offset 0       +-----------------------------+
 *                       | Elf32_Ehdr (52 bytes)       |  e_ident "\177ELF", class, data,
 *                       |                             |  e_type, e_machine, e_entry ...
 *   e_phoff             +-----------------------------+
 *                       | Elf32_Phdr [e_phnum]        |  32 bytes each: which bytes of
 *                       |                             |  the file go to which addresses
 *                       +-----------------------------+
 *   PT_LOAD p_offset    | segment bytes (p_filesz)    |  mapped at p_vaddr; the rest of
 *                       | ...                         |  p_memsz (the bss) is zeroed
 *                       +-----------------------------+
 *
 * A program header's p_offset and p_vaddr are congruent modulo the page
 * size, so the loader can map whole file pages: byte p_offset of the file
 * lands at p_vaddr, both at the same offset within their pages.
 *
 * Mirrors: include/linux/elf.h (2.6.11, which also holds the EM_* machine
 * numbers later kernels move to include/linux/elf-em.h): the same type,
 * structure and constant names.  Omitted: section headers, symbols,
 * dynamic linking, notes, ELF64.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>
#include <memlayout.h>       /* ELF_EXEC_BASE, TASK_SIZE */

typedef u32 Elf32_Addr;
typedef u16 Elf32_Half;
typedef u32 Elf32_Off;
typedef u32 Elf32_Word;

/* e_ident[]: the first 16 bytes, readable before the class is known. */
#define EI_NIDENT    16
#define EI_MAG0      0            /* "\177ELF" in bytes 0-3 */
#define EI_CLASS     4
#define EI_DATA      5
#define EI_VERSION   6
#define ELFMAG       "\177ELF"
#define SELFMAG      4

#define ELFCLASS32   1            /* 32-bit objects */
#define ELFCLASS64   2
#define ELFDATA2LSB  1            /* little-endian */
#define ELFDATA2MSB  2
#define EV_CURRENT   1

/* e_type */
#define ET_REL       1
#define ET_EXEC      2            /* linked at fixed addresses: what we load */
#define ET_DYN       3            /* position-independent: PIE or shared object */
#define ET_CORE      4

/* e_machine (linux/elf-em.h) */
#define EM_386       3
#define EM_X86_64    62

/* p_type */
#define PT_NULL      0
#define PT_LOAD      1            /* a segment to map */
#define PT_GNU_STACK 0x6474e551   /* p_flags say whether the stack is executable */

/* p_flags */
#define PF_X         0x1
#define PF_W         0x2
#define PF_R         0x4

/* The auxiliary vector: (type, value) pairs exec puts on the new stack
 * above envp's NULL, ended by AT_NULL (kernel/exec.c setup_stack()). */
#define AT_NULL      0            /* the end of the vector */
#define AT_PAGESZ    6            /* value: PAGE_SIZE */
#define AT_ENTRY     9            /* value: the program's e_entry */

typedef struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;       /* virtual address of the first instruction */
	Elf32_Off  e_phoff;       /* file offset of the program header table */
	Elf32_Off  e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;   /* sizeof(Elf32_Phdr) */
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

typedef struct elf32_phdr {
	Elf32_Word p_type;
	Elf32_Off  p_offset;      /* file offset of the segment's first byte */
	Elf32_Addr p_vaddr;       /* where that byte is mapped */
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;      /* bytes taken from the file */
	Elf32_Word p_memsz;       /* bytes in memory; past p_filesz, zeroes (bss) */
	Elf32_Word p_flags;       /* PF_R | PF_W | PF_X */
	Elf32_Word p_align;
} Elf32_Phdr;

/*
 * What elf_check() learns about an executable it accepts.  The names are
 * the mm_struct fields load_elf_binary() computes from the PT_LOAD
 * segments:
 *
 *   start_code          end_code  start_data     end_data  elf_brk
 *   |  text (PF_X)        |  ...  |  data          |  bss    |  heap grows up ->
 *
 * start_code is the lowest p_vaddr, start_data the highest; end_code is
 * the end of the file bytes of the executable segments, end_data of all
 * segments; elf_brk is the highest p_vaddr + p_memsz: the heap (brk)
 * starts at the next page boundary.
 */
struct elf_info {
	Elf32_Addr e_entry;
	u32 nr_load;              /* PT_LOAD segments */
	u32 start_code, end_code;
	u32 start_data, end_data;
	u32 elf_brk;
};

/**
 * elf_check - may @image be run as a program?
 * @image: the whole file, @len bytes (any alignment).
 * @out:   filled in when it may.
 *
 * Returns 0, or -ENOEXEC after one line "elf: <field> <value> ..." naming
 * the first thing wrong.  Reads nothing outside [image, image + len).
 */
int elf_check(const void *image, u32 len, struct elf_info *out);

#endif /* _LINUX_ELF_H */
