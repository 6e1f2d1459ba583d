; boot/user/crt0.asm - where every user program starts.
;
; exec leaves the new process at e_entry (_start) with no registers set
; and the stack as the i386 System V ABI and Linux lay it out:
;
;   higher addresses   the strings themselves: arguments, environment
;                      auxiliary vector (pairs, ended by AT_NULL)
;                      NULL
;                      envp[0] ... envp[n-1]   <- envp = argv + argc + 1
;                      NULL                    argv[argc]
;                      argv[0] ... argv[argc-1]
;   esp ->             argc
;
; _start keeps envp in environ, turns the stack into a C call,
; main(argc, argv, envp), and passes main's result to exit().  There is no return address: _start must never
; return, and ebp = 0 marks the outermost frame for a debugger's backtrace.
;
; Mirrors: glibc's sysdeps/i386/start.S _start (without __libc_start_main:
; no constructors, no atexit, no stdio to flush).

section .text
global _start
extern main
extern exit
extern environ

_start:
	xor ebp, ebp                ; the outermost frame
	mov eax, [esp]              ; argc
	lea ebx, [esp + 4]          ; argv
	lea ecx, [ebx + eax*4 + 4]  ; envp: past argv's NULL
	mov [environ], ecx
	and esp, -16                ; gcc expects a 16-byte aligned stack at each call
	sub esp, 4                  ; 4 + 3 arguments = 16 bytes
	push ecx
	push ebx
	push eax
	call main                   ; cdecl: arguments on the stack, result in eax
	mov [esp], eax
	call exit                   ; does not return
	ud2                         ; if it did, fault loudly

section .note.GNU-stack noalloc noexec nowrite progbits
