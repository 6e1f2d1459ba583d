; arch/i386/kernel/entry.asm - the way into the kernel from a trap or an IRQ.
;
; The CPU pushes eflags, cs, eip (and esp, ss when it came from ring 3) and,
; for some exceptions, an error code.  Each stub below makes the stack look
; the same for every vector (it pushes a 0 where the CPU pushed no error
; code, then the vector number) and jumps to common_trap, which saves the
; general registers and data segments in the order of struct pt_regs
; (include/asm/ptrace.h) and calls do_trap(&regs).  On return it pops them,
; which is how a handler can change the interrupted state: a fixup sets
; regs->eip, a scheduler will switch stacks.
;
; A system call (int 0x80 from user mode, vector SYSCALL_VECTOR) comes in
; the same way: its stub saves eax, the call's number, where the error code
; goes (Linux calls that slot orig_eax) and do_trap() hands the pt_regs to
; do_syscall(), whose result is written back into regs->eax.  The CPU has
; already switched to the task's kernel stack (the TSS's esp0); CR3 is
; untouched, so the user's pages stay visible to the kernel (S4).
;
; switch_to_asm, ret_from_fork and kernel_thread_start are the three
; pieces of a context switch (arch/i386/kernel/process.c explains them).
;
; Mirrors: arch/i386/kernel/entry.S (2.6) SAVE_ALL / RESTORE_ALL, error_code,
; system_call, ret_from_fork; include/asm-i386/system.h switch_to().

%define __KERNEL_DS 0x68

section .text
bits 32
extern do_trap, do_exit
global trap_entry_table, ret_from_trap, system_call
global switch_to_asm, ret_from_fork, kernel_thread_start, ret_to_user

; Vectors for which the CPU pushes an error code (Intel SDM vol. 3, 6.13).
%macro TRAP_NOERR 1
trap_stub_%1:
    push 0
    push %1
    jmp common_trap
%endmacro
%macro TRAP_ERR 1
trap_stub_%1:
    push %1
    jmp common_trap
%endmacro

TRAP_NOERR 0     ; divide error
TRAP_NOERR 1     ; debug
TRAP_NOERR 2     ; NMI
TRAP_NOERR 3     ; int3
TRAP_NOERR 4     ; overflow
TRAP_NOERR 5     ; bounds
TRAP_NOERR 6     ; invalid opcode
TRAP_NOERR 7     ; device not available
TRAP_ERR   8     ; double fault
TRAP_NOERR 9     ; coprocessor segment overrun
TRAP_ERR   10    ; invalid TSS
TRAP_ERR   11    ; segment not present
TRAP_ERR   12    ; stack segment
TRAP_ERR   13    ; general protection
TRAP_ERR   14    ; page fault
TRAP_NOERR 15    ; reserved
TRAP_NOERR 16    ; x87 floating point error
TRAP_ERR   17    ; alignment check
TRAP_NOERR 18    ; machine check
TRAP_NOERR 19    ; SIMD floating point
TRAP_NOERR 20    ; virtualization
TRAP_ERR   21    ; control protection
%assign v 22
%rep 10          ; 22-31 reserved
TRAP_NOERR v
%assign v v+1
%endrep
%rep 16          ; 32-47: the two 8259 PICs, remapped to 0x20 (FIRST_EXTERNAL_VECTOR)
TRAP_NOERR v
%assign v v+1
%endrep

; int 0x80: the error-code slot keeps the call's number (orig_eax).
system_call:
    push eax
    push 0x80
    jmp common_trap

common_trap:
    push es
    push ds
    push eax
    push ebp
    push edi
    push esi
    push edx
    push ecx
    push ebx
    mov eax, __KERNEL_DS
    mov ds, eax
    mov es, eax
    push esp                    ; do_trap(struct pt_regs *regs)
    call do_trap
    add esp, 4
ret_from_trap:
    pop ebx
    pop ecx
    pop edx
    pop esi
    pop edi
    pop ebp
    pop eax
    pop ds
    pop es
    add esp, 8                  ; trapnr, error_code
    iret

; void switch_to_asm(unsigned long *prev_esp, unsigned long next_esp)
; (regparm: eax = &prev->thread.esp, edx = next->thread.esp)
;
; Pushes what C expects a call to preserve, parks esp in prev's
; thread_struct, takes next's, pops next's registers and returns on next's
; stack: to wherever next called switch_to_asm from, or, for a new task,
; to the address its switch frame was given (ret_from_fork ...).
switch_to_asm:
    push ebp
    push ebx
    push esi
    push edi
    pushfd
    mov [eax], esp
    mov esp, edx
    popfd
    pop edi
    pop esi
    pop ebx
    pop ebp
    ret

; A forked child's first instructions: its switch frame returned here,
; and its stack holds a copy of the parent's pt_regs with eax = 0.
; (2.6 calls schedule_tail() first, to drop the run-queue lock; there
; is no lock here: interrupts stay off until the iret.)
ret_from_fork:
    jmp ret_from_trap

; A kernel thread's first instructions: esi = fn, ebx = arg (from its
; switch frame).  fn(arg) with interrupts on; its result goes to do_exit.
kernel_thread_start:
    sti
    mov eax, ebx                ; regparm: the first argument in eax
    call esi
    call do_exit                ; eax = fn's result; never returns

; void ret_to_user(struct pt_regs *regs) (regparm: eax = regs):
; leave the kernel through regs, which lie at the top of this task's
; stack: what a kernel thread does once it has exec'd a program.
ret_to_user:
    mov esp, eax
    jmp ret_from_trap

section .rodata
align 4
trap_entry_table:               ; the stub of vector v is trap_entry_table[v]
%assign v 0
%rep 48
    dd trap_stub_ %+ v
%assign v v+1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
