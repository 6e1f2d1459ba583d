; boot/cpucheck.asm - can this CPU run the kernel?  Asked before any C runs.
;
; The Makefile compiles the kernel with -march=i686, so gcc may use what
; the Pentium Pro (family 6) added to the instruction set, cmov above all,
; and the kernel reads the TSC with rdtsc from its first instructions on.
; On an older CPU (QEMU's -cpu pentium or -cpu 486) the first of those
; raises #UD before there is an IDT: a triple fault, and QEMU with
; -no-reboot stops without a word.  So _start (head.asm) calls verify_cpu
; first, which returns if the CPU will do and otherwise says why on COM1
; and stops, leaving QEMU with QEMU_EXIT_BAD_CPU (exit status 39) when
; isa-debug-exit is there:
;
;   cpucheck: this kernel is built with -march=i686: it needs CPU family 6 or later, with: tsc cmov
;   cpucheck: this CPU is an i586 (CPUID family 5), without: cmov
;   cpucheck: unable to boot; use QEMU's default CPU (qemu32) or any model since the Pentium Pro
;
; The checks:
;   1. CPUID exists if bit 21 of EFLAGS (X86_EFLAGS_ID) can be flipped: a
;      386 and the early 486s keep it fixed;
;   2. CPUID 1 gives the family in eax bits 11..8 (6 is the P6, the i686)
;      and the feature flags in edx (X86_FEATURE_*, asm/processor.h); every
;      flag in required_features below must be set.  PSE and PGE are not
;      required: paging_init() uses them when they are there.
;
; It runs from _start: paging off, so at physical addresses (PA()), on the
; boot stack.  It keeps every register when the CPU will do.  The UART is
; set up as serial_init() sets it up, from the same asm/serial.h numbers.
;
; Mirrors: arch/i386/kernel/head.S checkCPUtype (2.6.11: the EFLAGS flag
; toggles, then cpuid for the family) and, for the message, the boot-time
; check_cpu()/validate_cpu() of arch/x86/boot/cpucheck.c in later kernels
; ("This kernel requires an i686 CPU, but only detected an i586 CPU").
; Omitted: the 386/486 split by EFLAGS.AC (both lack CPUID: one message),
; extended family numbers (a CPU that has them is family 15, enough).

%include "asm-offsets.inc"

%define PA(x)            ((x) - PAGE_OFFSET)
%define REQUIRED_FAMILY  6              ; i686: the Pentium Pro and later

section .head.text progbits alloc exec nowrite align=16
bits 32
global verify_cpu

; The CPUID 1 edx flags -march=i686 and the kernel need, with the names
; Linux's /proc/cpuinfo gives them; a zero ends the table.
required_features:
    dd X86_FEATURE_TSC, msg_tsc         ; rdtsc: boot_tsc, sched_clock()
    dd X86_FEATURE_CMOV, msg_cmov       ; cmov: anywhere gcc likes
    dd 0

msg_tsc:        db " tsc", 0
msg_cmov:       db " cmov", 0
msg_needs:      db "cpucheck: this kernel is built with -march=i686: it needs CPU family 6 or later, with:", 0
msg_no_cpuid:   db 10, "cpucheck: this CPU has no CPUID instruction (a 386 or an early 486)", 10, 0
msg_is_a:       db 10, "cpucheck: this CPU is an i", 0
msg_family:     db "86 (CPUID family ", 0
msg_without:    db "), without:", 0
msg_give_up:    db 10, "cpucheck: unable to boot; use QEMU's default CPU (qemu32) or any model since the Pentium Pro", 10, 0

; verify_cpu - return if this CPU can run the kernel; if not, print what it
; lacks on COM1 and never return.  Keeps every register and EFLAGS.
verify_cpu:
    pushad
    pushfd

    ; 1. Flip EFLAGS.ID; CPUID exists if the flip sticks.
    pushfd
    pop eax
    mov ecx, eax
    xor eax, X86_EFLAGS_ID
    push eax
    popfd
    pushfd
    pop eax
    push ecx                            ; EFLAGS as they were
    popfd
    xor eax, ecx                        ; the bits that changed
    test eax, X86_EFLAGS_ID
    jz .no_cpuid

    ; 2. Family and feature flags.
    mov eax, 1
    cpuid
    shr eax, 8
    and eax, 0xf                        ; ecx = family, ebp = feature flags
    mov ecx, eax
    mov ebp, edx
    call missing_features               ; eax = how many required flags ebp lacks
    cmp ecx, REQUIRED_FAMILY
    jb .too_old
    test eax, eax
    jnz .too_old
    popfd
    popad
    ret

.no_cpuid:
    call early_serial_init
    call print_needs
    mov esi, PA(msg_no_cpuid)
    call early_puts
    jmp .give_up

.too_old:                               ; family in ecx, flags in ebp
    call early_serial_init
    call print_needs
    mov esi, PA(msg_is_a)
    call early_puts
    mov eax, ecx                        ; "i586", and "i686" for any later family
    cmp eax, REQUIRED_FAMILY
    jbe .family_digit
    mov eax, REQUIRED_FAMILY
.family_digit:
    add al, '0'
    call early_putc
    mov esi, PA(msg_family)
    call early_puts
    mov eax, ecx                        ; the family itself, in hex (0-f)
    add al, '0'
    cmp al, '9'
    jbe .family_number
    add al, 'a' - '0' - 10
.family_number:
    call early_putc
    mov esi, PA(msg_without)
    call early_puts
    mov edx, ebp
    mov edi, 1                          ; print the names
    call scan_features

.give_up:
    mov esi, PA(msg_give_up)
    call early_puts
    mov eax, QEMU_EXIT_BAD_CPU          ; leave QEMU, as qemu_exit() does;
    out QEMU_EXIT_PORT, eax             ; without the device, halt here
.halt:
    cli
    hlt
    jmp .halt

; missing_features - eax = how many required_features flags ebp lacks.
missing_features:
    mov edx, ebp
    xor edi, edi                        ; count only
    jmp scan_features

; print_needs - the first line: the family and every required feature.
print_needs:
    mov esi, PA(msg_needs)
    call early_puts
    xor edx, edx                        ; a CPU with no flags lacks them all
    mov edi, 1
    ; fall through

; scan_features - count (eax) the required_features flags edx lacks, and
; print the name of each when edi is not 0.  Keeps ecx and ebp.
scan_features:
    push ebx
    mov ebx, PA(required_features)
    xor eax, eax
.next:
    cmp dword [ebx], 0
    je .end
    test edx, [ebx]
    jnz .have
    inc eax
    test edi, edi
    jz .have
    push eax
    mov esi, [ebx + 4]
    sub esi, PAGE_OFFSET                ; the table holds linked addresses
    call early_puts
    pop eax
.have:
    add ebx, 8
    jmp .next
.end:
    pop ebx
    ret

; early_serial_init - COM1 at DEFAULT_BAUD, 8N1, polled (serial_init()).
early_serial_init:
    mov dx, COM1 + UART_IER
    mov al, 0                           ; no interrupts: we poll
    out dx, al
    mov dx, COM1 + UART_LCR
    mov al, UART_LCR_DLAB               ; to set the baud rate
    out dx, al
    mov dx, COM1 + UART_DLL
    mov al, (BASE_BAUD / DEFAULT_BAUD) & 0xff
    out dx, al
    mov dx, COM1 + UART_DLM
    mov al, (BASE_BAUD / DEFAULT_BAUD) >> 8
    out dx, al
    mov dx, COM1 + UART_LCR
    mov al, UART_LCR_WLEN8              ; 8N1
    out dx, al
    mov dx, COM1 + UART_FCR
    mov al, UART_FCR_ENABLE_FIFO | UART_FCR_CLEAR_RCVR | UART_FCR_CLEAR_XMIT
    out dx, al
    mov dx, COM1 + UART_MCR
    mov al, UART_MCR_DTR | UART_MCR_RTS
    out dx, al
    ret

; early_puts - write the string at physical address esi, "\n" as "\r\n".
; Clobbers eax, edx, esi.
early_puts:
    lodsb
    test al, al
    jz .done
    cmp al, 10
    jne .put
    mov al, 13
    call early_putc
    mov al, 10
.put:
    call early_putc
    jmp early_puts
.done:
    ret

; early_putc - write al once the transmit holding register is empty
; (serial_putc()).  Clobbers edx and ah.
early_putc:
    mov ah, al
    mov dx, COM1 + UART_LSR
.wait:
    in al, dx
    test al, UART_LSR_THRE
    jz .wait
    mov al, ah
    mov dx, COM1 + UART_TX
    out dx, al
    ret

section .note.GNU-stack noalloc noexec nowrite progbits
