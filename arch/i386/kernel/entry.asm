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
; Mirrors: arch/i386/kernel/entry.S (2.6) SAVE_ALL / RESTORE_ALL, error_code.

%define __KERNEL_DS 0x68

section .text
bits 32
extern do_trap
global trap_entry_table, ret_from_trap

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

section .rodata
align 4
trap_entry_table:               ; the stub of vector v is trap_entry_table[v]
%assign v 0
%rep 48
    dd trap_stub_ %+ v
%assign v v+1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
