; boot/head.asm - the first instructions of the kernel.
;
; GRUB loads the image at physical 1 MB and jumps to _start_phys in 32-bit
; protected mode, paging off, interrupts off, eax = 0x36d76289 (the Multiboot2
; magic) and ebx = the physical address of the Multiboot2 information.
;
; The kernel is linked at PAGE_OFFSET + 1 MB (0xC0100000, claim P2), so until
; paging is on every symbol must be used as PA(symbol) = symbol - PAGE_OFFSET.
; This file:
;   1. clears .bss (page tables and the boot stack live there),
;   2. builds two page tables mapping physical 0 .. 8 MB and enters each of
;      them twice in swapper_pg_dir (claim P3):
;
;        swapper_pg_dir                        pg0, pg1 (1024 PTEs each)
;        [   0] -> pg0   identity 0-4 MB  ---.
;        [   1] -> pg1   identity 4-8 MB  ---+--> physical 0x00000000-0x007fffff
;        [ 768] -> pg0   0xC0000000-...   ---'
;        [ 769] -> pg1   0xC0400000-...
;
;   3. turns paging on (CR0.PG, and CR0.WP so ring 0 honours read-only pages),
;      jumps to the high address, switches to the boot stack and calls
;      start_kernel(magic, info).  start_kernel() drops the identity entries
;      once nothing runs or reads at low addresses (zap_low_mappings()).
;
; Mirrors: arch/i386/kernel/head.S startup_32 (2.6), which maps as much as
; the image needs with 4 KB pages; we map a fixed 8 MB and linker.ld asserts
; that the image fits.

%define PAGE_OFFSET      __PAGE_OFFSET      ; from the Makefile: 0xC0000000
%define PA(x)            ((x) - PAGE_OFFSET)
%define EARLY_MAP_SIZE   (8 << 20)          ; = EARLY_MAP_SIZE in memlayout.h
%define EARLY_PTABLES    (EARLY_MAP_SIZE >> 22)
%define THREAD_SIZE      (8 << 10)
%define PTE_KERNEL       0x003              ; present | writable
%define CR0_PG_WP        0x80010000

; ---------------------------------------------------------------------------
; The Multiboot2 header: 8-byte aligned, within the first 32 KB of the file.
section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header_start:
    dd 0xE85250D6                       ; magic
    dd 0                                ; architecture: i386 protected mode
    dd mb2_header_end - mb2_header_start
    dd -(0xE85250D6 + 0 + (mb2_header_end - mb2_header_start))
    align 8
.info_request:                          ; tag 1: ask for these information tags
    dw 1, 0
    dd .info_request_end - .info_request
    dd 6                                ;   memory map
    dd 4                                ;   basic memory information
.info_request_end:
    align 8
    dw 0, 0                             ; end tag
    dd 8
mb2_header_end:

; ---------------------------------------------------------------------------
section .head.text progbits alloc exec nowrite align=16
bits 32
global _start
extern start_kernel, __bss_start, __bss_stop

_start:
    cld
    mov esi, eax                        ; keep the magic; ebx (info) is kept too
    rdtsc                               ; the TSC at entry: time since boot starts here
    mov [PA(boot_tsc)], eax
    mov [PA(boot_tsc) + 4], edx

    ; 1. Clear .bss.
    mov edi, PA(__bss_start)
    mov ecx, PA(__bss_stop)
    sub ecx, edi
    xor eax, eax
    rep stosb

    ; 2. Page tables: PTE i maps physical page i, for the first 8 MB.
    mov edi, PA(pg0)
    mov eax, PTE_KERNEL
.fill_pte:
    stosd
    add eax, 4096
    cmp eax, EARLY_MAP_SIZE + PTE_KERNEL
    jb .fill_pte

    ;    ... and each table twice in the page directory.
    mov edi, PA(swapper_pg_dir)
    mov eax, PA(pg0) + PTE_KERNEL
    mov ecx, EARLY_PTABLES
.fill_pde:
    mov [edi], eax                                  ; identity
    mov [edi + (PAGE_OFFSET >> 22) * 4], eax        ; PAGE_OFFSET
    add edi, 4
    add eax, 4096
    loop .fill_pde

    ; 3. Paging on, then jump from the identity-mapped low address to the
    ;    linked high one: an absolute jump through a register.
    mov eax, PA(swapper_pg_dir)
    mov cr3, eax
    mov eax, cr0
    or eax, CR0_PG_WP
    mov cr0, eax
    mov ecx, .high
    jmp ecx
.high:
    mov esp, init_thread_union + THREAD_SIZE
    xor ebp, ebp                        ; ends the frame-pointer chain (backtraces)
    push ebx                            ; start_kernel(magic, info_phys)
    push esi
    call start_kernel
.hang:
    cli
    hlt
    jmp .hang

; ---------------------------------------------------------------------------
section .data
global boot_tsc, early_map_size
align 8
boot_tsc:       dq 0                    ; TSC at _start (sched_clock counts from it)
early_map_size: dd EARLY_MAP_SIZE       ; start_kernel checks memlayout.h agrees

section .bss..page_aligned nobits alloc write align=8192
global init_thread_union, swapper_pg_dir, pg0
; The boot stack: THREAD_SIZE bytes aligned to THREAD_SIZE, so a task
; structure can later sit at its base and `current` is esp & ~(8K-1) (U3).
init_thread_union: resb THREAD_SIZE
swapper_pg_dir:    resb 4096
pg0:               resb EARLY_PTABLES * 4096

section .note.GNU-stack noalloc noexec nowrite progbits
