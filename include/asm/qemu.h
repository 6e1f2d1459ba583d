/*
 * asm/qemu.h - leaving QEMU from inside the guest, through the
 * isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04).
 * QEMU exits with status (value << 1) | 1: 0x10 -> 33, 0x11 -> 35, 0x12 -> 37,
 * 0x13 -> 39.
 * A triple fault (with -no-reboot) gives 0, which no value here can.
 * make run and make debug add the device, as the test scripts do (Makefile
 * QEMU_EXIT); without it (QEMU started by hand, real hardware) the write
 * does nothing and the caller halts.
 */
#ifndef _ASM_QEMU_H
#define _ASM_QEMU_H

#define QEMU_EXIT_PORT     0xf4
#define QEMU_EXIT_SUCCESS  0x10    /* every self-test passed */
#define QEMU_EXIT_FAILURE  0x11    /* some self-test failed */
#define QEMU_EXIT_PANIC    0x12    /* the kernel panicked */
#define QEMU_EXIT_BAD_CPU  0x13    /* the CPU cannot run this kernel (boot/cpucheck.asm) */

__attribute__((noreturn)) void qemu_exit(int value);

#endif /* _ASM_QEMU_H */
