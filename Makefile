# Makefile - the i386 teaching kernel.
#
#   make              build/kernel.elf, kernel.asm, kernel.sym, kernel.iso,
#                     build/user/init (and init.asm), a module in every ISO
#   make run          boot it in QEMU (MEM=512M), serial console on this terminal
#   make test         host unit tests + the self-tests booted at every memory size
#   make bench        instruction counts under QEMU -icount
#   make debug        QEMU waits for gdb (see .gdbinit.tmpl)
#   make clean
#
# Quiet by default; V=1 shows every command.  One Makefile, no recursion:
# the objects of each directory are listed below.

CROSS_COMPILE ?= i686-linux-gnu-
CC      := $(CROSS_COMPILE)gcc
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm
NASM    := nasm
QEMU    := qemu-system-i386
HOSTCC  := gcc

# The 3G/1G split (VMSPLIT_3G).  One number, passed to C and the linker;
# NASM gets it, with every other number it needs, from asm-offsets below.
PAGE_OFFSET := 0xC0000000

B ?= build
ifeq ($(V),1)
Q :=
else
Q := @
endif

# The CPU: -march=i686 lets gcc use cmov, so the kernel and its programs
# need a Pentium Pro or later, which boot/cpucheck.asm checks before any C
# runs (QEMU's default -cpu qemu32 is one).  Debian's compiler defaults to
# it already; said here, it is stated.  -march alone would also tune for
# the Pentium Pro, so -mtune keeps the default's scheduling (and the code
# make bench measures).
MARCH := -march=i686 -mtune=generic

CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror $(MARCH) \
	  -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	  -fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
	  -fno-omit-frame-pointer -mgeneral-regs-only -fno-strict-aliasing -mregparm=3 \
	  -mpreferred-stack-boundary=2 \
	  -Iinclude -DCONFIG_PAGE_OFFSET=$(PAGE_OFFSET) -MMD -MP
LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack -Wl,-L$(B)/include \
	   -Wl,--defsym=__PAGE_OFFSET=$(PAGE_OFFSET) -T linker.ld
NASMFLAGS := -f elf32 -I$(B)/include/

BOOT_OBJS   := boot/head.o boot/cpucheck.o
ARCH_OBJS   := arch/i386/kernel/entry.o arch/i386/kernel/cpu.o \
	       arch/i386/kernel/traps.o arch/i386/kernel/i8259.o \
	       arch/i386/kernel/time.o arch/i386/kernel/serial.o \
	       arch/i386/kernel/qemu.o arch/i386/kernel/setup.o \
	       arch/i386/kernel/multiboot2.o arch/i386/kernel/e820.o \
	       arch/i386/mm/init.o arch/i386/mm/fault.o arch/i386/mm/extable.o \
	       arch/i386/mm/pgtable.o arch/i386/mm/ioremap.o arch/i386/mm/highmem.o \
	       arch/i386/kernel/apic.o arch/i386/lib/usercopy.o arch/i386/lib/div64.o \
	       arch/i386/kernel/process.o arch/i386/kernel/syscall.o
KERNEL_OBJS := kernel/main.o kernel/printk.o kernel/panic.o kernel/vsprintf.o kernel/string.o \
	       kernel/kallsyms.o kernel/params.o kernel/cmdline.o kernel/elf.o \
	       kernel/sched.o kernel/fork.o kernel/exit.o kernel/exec.o kernel/sys.o kernel/proc.o
MM_OBJS     := mm/memblock.o mm/buddy.o mm/page_alloc.o mm/mm_init.o mm/highmem.o mm/vmstat.o \
	       mm/vmlist.o mm/vmalloc.o mm/slab.o mm/slab_cpucache.o mm/slab_debug.o mm/kmalloc.o \
	       mm/memory.o mm/rmap.o mm/mmap.o
TEST_OBJS   := tests/kernel/selftest.o tests/kernel/bench.o \
	       tests/kernel/boot_test.o tests/kernel/printk_test.o \
	       tests/kernel/mm_test.o tests/kernel/vmalloc_test.o tests/kernel/ioremap_test.o tests/kernel/highmem_test.o \
	       tests/kernel/layout_test.o tests/kernel/slab_test.o tests/kernel/slab_debug_test.o \
	       tests/kernel/elf_test.o tests/kernel/process_test.o \
	       tests/kernel/meminfo_test.o

# Two images of one kernel (linux/selftest.h, linux/tracepoint.h):
#   $(B)/kernel.elf           what make run boots: no tests, no probes;
#   $(B)/selftest/kernel.elf  every C source compiled again with
#                             CONFIG_SELFTEST, into $(B)/selftest/, and linked
#                             with tests/kernel/: its tracepoints call the
#                             probes there, and "selftest" or "bench" on its
#                             command line runs the suites or the benchmarks.
# The .asm files have no C in them and serve both images.
KERNEL_OBJS_ALL := $(BOOT_OBJS) $(ARCH_OBJS) $(KERNEL_OBJS) $(MM_OBJS)
ASM_OBJS := boot/head.o boot/cpucheck.o arch/i386/kernel/entry.o
OBJS := $(addprefix $(B)/,$(KERNEL_OBJS_ALL))
SELFTEST_OBJS := $(addprefix $(B)/,$(ASM_OBJS)) \
		 $(addprefix $(B)/selftest/,$(filter-out $(ASM_OBJS),$(KERNEL_OBJS_ALL)) $(TEST_OBJS))

# User programs (boot/user/<prog>.c), each linked with crt0, ulib and the
# kernel's own string and printf code compiled again for user space.
USER_PROGS    := init usertests bench stackcheck
USER_KLIB_OBJS := $(B)/user/kernel/string.o $(B)/user/kernel/vsprintf.o
USER_LIB_OBJS := $(B)/user/crt0.o $(B)/user/ulib.o $(USER_KLIB_OBJS)
USER_BINS     := $(addprefix $(B)/user/,$(USER_PROGS))
USER_ASMS     := $(USER_BINS:=.asm)
USER_OBJS     := $(USER_LIB_OBJS) $(USER_BINS:=.o)

# Kernel sources the host unit tests (tests/unit/) compile unchanged, as
# Linux's tools/testing/memblock compiles mm/memblock.c.  What the host
# cannot compile lives in small arch headers (asm/current.h, asm/irqflags.h,
# asm/linkage.h, asm/div64.h, asm/direct_map.h); tests/unit/include/ holds
# the host's own version of each and comes first on the include path.
# They are compiled with CONFIG_SELFTEST, as the self-test image is, so
# their tracepoints call the probes of tests/unit/host_stubs.c.
HOST_SRCS := arch/i386/kernel/multiboot2.c arch/i386/kernel/e820.c mm/buddy.c mm/page_alloc.c \
	     mm/mm_init.c mm/vmstat.c kernel/params.c kernel/cmdline.c mm/memblock.c \
	     arch/i386/lib/div64.c mm/vmlist.c mm/slab.c mm/slab_cpucache.c mm/slab_debug.c \
	     mm/kmalloc.c kernel/elf.c mm/mmap.c mm/rmap.c kernel/printk.c
UNIT_SRCS := $(wildcard tests/unit/*.c)
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Itests/unit/include -Iinclude -DCONFIG_SELFTEST \
	      -DCONFIG_PAGE_OFFSET=$(PAGE_OFFSET) \
	      -fsanitize=address,undefined -fno-omit-frame-pointer

all: $(B)/kernel.elf $(B)/kernel.asm $(B)/kernel.sym $(B)/kernel.iso $(USER_ASMS)

# --- tools ------------------------------------------------------------------
# On a fresh Debian 12 machine the first `make` installs what is missing
# (apt-get, through sudo when not root), or stops with the command to run.
TOOL_PACKAGES := i686-linux-gnu-gcc:gcc-i686-linux-gnu \
		 i686-linux-gnu-objdump:binutils-i686-linux-gnu \
		 nasm:nasm grub-mkrescue:grub-common xorriso:xorriso \
		 qemu-system-i386:qemu-system-x86 gcc:gcc pkg-config:pkg-config
$(B)/.tools-ok:
	$(Q)mkdir -p $(B)
	$(Q)missing=""; \
	for tp in $(TOOL_PACKAGES); do \
		command -v $${tp%%:*} >/dev/null 2>&1 || missing="$$missing $${tp#*:}"; \
	done; \
	[ -d /usr/lib/grub/i386-pc ] || missing="$$missing grub-pc-bin"; \
	[ -f /usr/include/stdio.h ] || missing="$$missing libc6-dev"; \
	pkg-config --exists check 2>/dev/null || missing="$$missing check"; \
	if [ -n "$$missing" ]; then \
		cmd="apt-get update && apt-get install -y --no-install-recommends$$missing mtools"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null; then sudo="sudo"; \
		else echo "Missing packages:$$missing. As root, run: $$cmd"; exit 1; fi; \
		echo "  APT     installing$$missing"; \
		$$sudo sh -c "DEBIAN_FRONTEND=noninteractive $$cmd" >$(B)/apt.log 2>&1 || \
		{ echo "Package install failed (see $(B)/apt.log). Run: $$sudo sh -c '$$cmd'"; exit 1; }; \
	fi
	$(Q)touch $@

# --- the kernel -------------------------------------------------------------
# Every object depends on the flags it was compiled with (Linux keeps them in
# .cmd files): change CFLAGS and everything is rebuilt, never half of it.
BUILD_FLAGS := $(CC) $(CFLAGS) | $(NASM) $(NASMFLAGS) | $(LDFLAGS)
$(B)/.flags: FORCE
	@mkdir -p $(B)
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' > $@

$(B)/%.o: %.c $(B)/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC      $<" || true
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(B)/selftest/%.o: %.c $(B)/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC      $< (CONFIG_SELFTEST)" || true
	$(Q)$(CC) $(CFLAGS) -DCONFIG_SELFTEST -c $< -o $@

$(B)/%.o: %.asm $(B)/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  NASM    $<" || true
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# asm-offsets, as Linux builds it: the C headers' numbers for the .asm
# files.  arch/i386/kernel/asm-offsets.c is compiled to assembly only; each
# of its DEFINE()s left a line "->NAME $value expression" there, which sed
# turns into "%define NAME value ; expression".  The .s depends on the
# headers it read (its .d file); the .asm objects that %include the result
# depend on it, so a fresh build makes it first.  The linker scripts get
# the few numbers they need the same way, as "NAME = value;" assignments in
# asm-offsets.ld, which they INCLUDE.
ASM_OFFSETS := $(B)/include/asm-offsets.inc
LDS_OFFSETS := $(B)/include/asm-offsets.ld
LDS_SYMS    := PAGE_SIZE\|LOAD_PHYSICAL_ADDR\|EARLY_MAP_SIZE\|ELF_EXEC_BASE

$(B)/arch/i386/kernel/asm-offsets.s: arch/i386/kernel/asm-offsets.c $(B)/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC      $@" || true
	$(Q)$(CC) $(CFLAGS) -S $< -o $@

$(ASM_OFFSETS): $(B)/arch/i386/kernel/asm-offsets.s
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  GEN     $@" || true
	$(Q){ echo "; $@ - generated from arch/i386/kernel/asm-offsets.c: do not edit."; \
	  sed -n -e 's/^->\([^ ]*\) [$$]\([0-9]*\) \(.*\)/%define \1 \2 ; \3/p' \
		 -e 's/^->$$//p' $<; } > $@

$(LDS_OFFSETS): $(B)/arch/i386/kernel/asm-offsets.s
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  GEN     $@" || true
	$(Q){ echo "/* $@ - generated from arch/i386/kernel/asm-offsets.c: do not edit. */"; \
	  sed -n -e 's/^->\($(LDS_SYMS)\) [$$]\([0-9]*\) \(.*\)/\1 = \2;   \/* \3 *\//p' $<; } > $@

$(addprefix $(B)/,$(ASM_OBJS)): $(ASM_OFFSETS)

# kallsyms, as Linux builds it: link once with an empty table, list the
# text symbols of that kernel, link again with the list.  The table is the
# last section (linker.ld), so the second link moves nothing else: checked.
$(B)/kallsyms0.c: kernel/kallsyms.awk | $(B)/.tools-ok
	$(Q)awk -f kernel/kallsyms.awk < /dev/null > $@

$(B)/kallsyms0.o: $(B)/kallsyms0.c $(B)/.flags
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

# KERNEL_IMAGE(dir, objects): dir/kernel.elf, linked twice for kallsyms.
define KERNEL_IMAGE
$(1)/kernel.pass1.elf: $(2) $(B)/kallsyms0.o linker.ld $(LDS_OFFSETS)
	@[ -n "$(Q)" ] && echo "  LD      $$@" || true
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $(2) $(B)/kallsyms0.o -o $$@

$(1)/kallsyms.c: $(1)/kernel.pass1.elf kernel/kallsyms.awk
	$(Q)$(NM) -n $$< | awk -f kernel/kallsyms.awk > $$@

$(1)/kallsyms.o: $(1)/kallsyms.c $(B)/.flags
	$(Q)$(CC) $(CFLAGS) -c $$< -o $$@

$(1)/kernel.elf: $(2) $(1)/kallsyms.o linker.ld $(LDS_OFFSETS) $(1)/kernel.pass1.elf
	@[ -n "$(Q)" ] && echo "  LD      $$@" || true
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $(2) $(1)/kallsyms.o -o $$@
	$(Q)$(NM) -n $(1)/kernel.pass1.elf | awk '$$$$3 == "__kallsyms_start" { exit } { print }' > $(1)/syms.pass1
	$(Q)$(NM) -n $$@ | awk '$$$$3 == "__kallsyms_start" { exit } { print }' > $(1)/syms.pass2
	$(Q)cmp -s $(1)/syms.pass1 $(1)/syms.pass2 || \
		{ echo "kallsyms: the second link moved symbols (diff $(1)/syms.pass1 $(1)/syms.pass2)"; rm -f $$@; exit 1; }
	$(Q)grub-file --is-x86-multiboot2 $$@ || \
		{ echo "$$@: no valid Multiboot2 header in the first 32 KB"; rm -f $$@; exit 1; }
endef
$(eval $(call KERNEL_IMAGE,$(B),$(OBJS)))
$(eval $(call KERNEL_IMAGE,$(B)/selftest,$(SELFTEST_OBJS)))

$(B)/kernel.asm: $(B)/kernel.elf
	$(Q)$(OBJDUMP) -S $< > $@

$(B)/kernel.sym: $(B)/kernel.elf
	$(Q)$(NM) -n $< > $@

# --- user programs ----------------------------------------------------------
# Each program in USER_PROGS is boot/user/<prog>.c linked with crt0 (the
# entry, _start) and ulib into a static i386 ELF executable, build/user/<prog>,
# at 0x08048000 (boot/user/user.ld).  GRUB brings each in as a Multiboot2
# module; exec (kernel/exec.c) loads it into a process.  User code keeps the ordinary i386 cdecl
# convention (no -mregparm) and gcc's 16-byte stack alignment; it avoids
# the FPU (-mgeneral-regs-only) because no context switch will save it.
# The ABI (system call numbers, errors, signals, struct new_utsname ...)
# comes from the kernel's own headers: -Iinclude, as Linux exports its
# headers to the C library; they are plain definitions that compile
# freestanding.  The layout (memlayout.h) needs PAGE_OFFSET, as the kernel.
# ulib keeps only what is user-specific (the int 0x80 wrappers, printf()
# on write()); the string functions and the formatter are the kernel's
# kernel/string.c and kernel/vsprintf.c, compiled a second time with these
# flags into build/user/kernel/, as Linux's tools/ build compiles lib/
# sources again for user space (tools/lib/string.c).  No copy to drift.
# Those two are compiled with -Os, and every function gets a section of its
# own that the link drops if no one calls it (--gc-sections), as a static
# link takes only the members of libc.a it needs: so init's text, formatter
# included, still fits in its one page (08048000-08049000 r-xp ... /init,
# which tests/run-tests.sh checks).  The programs themselves stay at -O2,
# so the loops `make bench` times are unchanged.
USER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror $(MARCH) \
	       -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	       -fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
	       -fno-omit-frame-pointer -mgeneral-regs-only -MMD -MP \
	       -ffunction-sections -fdata-sections \
	       -Iinclude -DCONFIG_PAGE_OFFSET=$(PAGE_OFFSET)
USER_KLIB_CFLAGS := $(USER_CFLAGS) -Os
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack -Wl,-L$(B)/include \
		-Wl,--gc-sections -T boot/user/user.ld
USER_NASMFLAGS := -f elf32

USER_BUILD_FLAGS := $(CC) $(USER_KLIB_CFLAGS) | $(NASM) $(USER_NASMFLAGS) | $(USER_LDFLAGS)
$(B)/user/.flags: FORCE
	@mkdir -p $(B)/user
	@echo '$(USER_BUILD_FLAGS)' | cmp -s - $@ || echo '$(USER_BUILD_FLAGS)' > $@

$(B)/user/%.o: boot/user/%.c $(B)/user/.flags | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  CC      $<" || true
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(B)/user/kernel/%.o: kernel/%.c $(B)/user/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC      $< (user)" || true
	$(Q)$(CC) $(USER_KLIB_CFLAGS) -c $< -o $@

$(B)/user/%.o: boot/user/%.asm $(B)/user/.flags | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  NASM    $<" || true
	$(Q)$(NASM) $(USER_NASMFLAGS) $< -o $@

# crt0.o first, so _start opens .text; libgcc last, for 64-bit division.
$(USER_BINS): $(B)/user/%: $(B)/user/%.o $(USER_LIB_OBJS) boot/user/user.ld $(LDS_OFFSETS)
	@[ -n "$(Q)" ] && echo "  LD      $@" || true
	$(Q)$(CC) $(USER_LDFLAGS) $(B)/user/crt0.o $< $(filter-out %/crt0.o,$(USER_LIB_OBJS)) \
		-lgcc -o $@

$(USER_ASMS): %.asm: %
	$(Q)$(OBJDUMP) -S $< > $@

# --- ISOs: one per kernel command line ---------------------------------------
# build/<name>.iso boots ISO_IMAGE (make run's kernel, or for test and
# bench the self-test image) with the command line ISO_CMDLINE_<name>, and
# loads every user program as a module (module2 /boot/<prog> <prog>).
# GRUB talks on COM1 too (serial, terminal_input, terminal_output), so its
# own errors ("out of memory" at MEM=2M) show on the terminal make run uses.
#
# grub.cfg is read like a shell script, so CMDLINE is written into it
# escaped: a ';' outside double quotes would end the multiboot2 command, and
# becomes '\;' (inside "..." it is a plain character already).  A single
# quote is refused: GRUB 2.06 hands it to the kernel as \' (its
# grub_create_loader_cmdline() escapes quotes), and our parse_args() has no
# backslash escapes, so it cannot arrive intact.
CMDLINE ?=
ifneq ($(findstring ',$(CMDLINE)),)
$(error CMDLINE must not contain a single quote ('): GRUB would pass it to the kernel as \'; group words with double quotes instead)
endif
GRUB_ESCAPE_AWK := { o = ""; q = 0; for (i = 1; i <= length($$0); i++) { \
	c = substr($$0, i, 1); if (c == "\"") q = !q; else if (c == ";" && !q) o = o "\\"; \
	o = o c } print o }
ISO_CMDLINE_kernel     = $(CMDLINE)
ISO_CMDLINE_test       = selftest
ISO_CMDLINE_bench      = bench=icount
ISO_CMDLINE_crash-null = crash=null
ISO_CMDLINE_crash-bug  = crash=bug
ISO_CMDLINE_crash-guard = crash=guard
# Every boot switch given a value it must refuse (make test checks that each
# is reported and none acts), then a filler word that brings the line to
# 2037 characters (its words, their spaces, "filler=" and one space), so
# the last word "slab_debug=x" is cut by the 2047-character limit right
# after "slab_debug": it must be dropped, not read as the bare switch.
# (The "  ISO" line shows the first 60 characters of a command line.)
BADARGS := selftest=no bench=x slab_debug=x crash=zzz printk.time=2 \
	   mem=512 mem=1K mem=4095 mem=1M mem=256Mabc
ISO_CMDLINE_badargs = $(BADARGS) filler=$(shell printf '%0*d' \
	$$((2037 - 8 - $(words $(BADARGS)) - $(shell printf '%s' '$(BADARGS)' | tr -d ' ' | wc -c))) 0) \
	slab_debug=x

# test.iso, bench.iso and badargs.iso boot the self-test image (which has
# the selftest and bench switches); the others, make run's, except that
# kernel.iso boots the self-test image too when CMDLINE asks for a switch
# only that image has (make run CMDLINE=selftest, =bench).
SELFTEST_ISOS := $(B)/test.iso $(B)/bench.iso $(B)/badargs.iso
ifneq ($(filter selftest bench bench=%,$(CMDLINE)),)
SELFTEST_ISOS += $(B)/kernel.iso
endif
$(SELFTEST_ISOS): ISO_IMAGE := $(B)/selftest/kernel.elf
$(SELFTEST_ISOS): $(B)/selftest/kernel.elf
ISO_IMAGE ?= $(B)/kernel.elf
$(B)/%.iso: $(B)/kernel.elf $(USER_BINS) FORCE
	$(Q)mkdir -p $(B)/iso-$*/boot/grub
	$(Q)cp $(ISO_IMAGE) $(B)/iso-$*/boot/kernel.elf
	$(Q)cp $(USER_BINS) $(B)/iso-$*/boot/
	$(Q){ printf 'serial --unit=0 --speed=115200\nterminal_input serial console\n'; \
	  printf 'terminal_output serial console\n'; \
	  printf 'set timeout=0\nset default=0\nmenuentry "i386 teaching kernel" {\n\tmultiboot2 /boot/kernel.elf %s\n' \
		"$$(printf '%s\n' '$(ISO_CMDLINE_$*)' | awk '$(GRUB_ESCAPE_AWK)')"; \
	  printf '\tmodule2 /boot/%s %s\n' $(foreach p,$(USER_PROGS),$(p) $(p)); \
	  printf '\tboot\n}\n'; } > $(B)/iso-$*/boot/grub/grub.cfg.new
	$(Q)if ! cmp -s $(B)/iso-$*/boot/grub/grub.cfg.new $(B)/iso-$*/boot/grub/grub.cfg || \
	      [ ! -f $@ ] || [ -n "$$(find $(ISO_IMAGE) $(USER_BINS) -newer $@)" ]; then \
		mv $(B)/iso-$*/boot/grub/grub.cfg.new $(B)/iso-$*/boot/grub/grub.cfg; \
		[ -n "$(Q)" ] && printf '  ISO     %s (%.60s)\n' '$@' '$(ISO_CMDLINE_$*)'; \
		grub-mkrescue --install-modules="multiboot2 normal iso9660 biosdisk part_msdos serial terminal" \
			--locales= --fonts= --themes= -o $@ $(B)/iso-$* >$(B)/iso-$*.log 2>&1 || \
		{ cat $(B)/iso-$*.log; exit 1; }; \
	fi

# --- running ------------------------------------------------------------------
# QEMU_EXIT: the isa-debug-exit device (its port is asm/qemu.h's
# QEMU_EXIT_PORT), on every boot of the test scripts and on make run and
# make debug too, so that a boot that ends by itself (a panic; the
# self-tests or the benchmarks, run through CMDLINE) leaves QEMU.  QEMU
# then exits with 33 when all went well (QEMU_EXIT_SUCCESS), which make
# takes as a success; 35, 37 and 39 stay failures.
MEM ?= 512M
QEMU_BASE := $(QEMU) -accel tcg -machine pc -display none -no-reboot -boot d -nic none
QEMU_EXIT := -device isa-debug-exit,iobase=0xf4,iosize=0x04
QEMU_EXIT_OK := || [ $$? = 33 ]

run: $(B)/kernel.iso
	@echo "Booting with -m $(MEM). Quit QEMU with Ctrl-A then X."
	$(QEMU_BASE) -m $(MEM) $(QEMU_EXIT) -serial mon:stdio -cdrom $< $(QEMU_EXIT_OK)

GDBPORT := $(shell expr `id -u` % 5000 + 25000)
.gdbinit: .gdbinit.tmpl
	sed "s/localhost:1234/localhost:$(GDBPORT)/" < $< > $@

# ISO=build/test.iso debugs the self-test image (gdb: symbol-file build/selftest/kernel.elf).
ISO ?= $(B)/kernel.iso
debug: $(ISO) .gdbinit
	@echo "QEMU waits for gdb on port $(GDBPORT): run 'gdb' in this directory, then 'continue'."
	$(QEMU_BASE) -m $(MEM) $(QEMU_EXIT) -serial mon:stdio -cdrom $(ISO) -S -gdb tcp::$(GDBPORT) $(QEMU_EXIT_OK)

# --- testing -----------------------------------------------------------------
TEST_MEMS ?= 16M 32M 128M 512M 896M 1G 2G 3G 4G

# One compiler run builds the binary from every source; a second (-MM)
# lists every header those sources include, as make rules, in
# unit-tests.d: a change to any of them rebuilds it, as the kernel's
# objects are rebuilt through their .d files (and while there is no
# unit-tests.d yet, nothing says the binary is up to date).
$(B)/unit-tests: $(HOST_SRCS) $(UNIT_SRCS) $(if $(wildcard $(B)/unit-tests.d),,FORCE) | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  HOSTCC  $@" || true
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(HOST_SRCS) $(UNIT_SRCS) \
		$$(pkg-config --cflags --libs check) -o $@
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -MM $(HOST_SRCS) $(UNIT_SRCS) | \
		sed -e 's|^[^:]*:|$@:|' > $@.d

# make test first builds everything it boots, on every core: this same
# Makefile once more with -j (the rules are the ones above), since a
# plain `make test` would build the two kernel images one object at a time.
TEST_PREREQS := $(B)/unit-tests $(B)/test.iso $(B)/crash-null.iso $(B)/crash-bug.iso \
		$(B)/crash-guard.iso $(B)/kernel.iso $(B)/badargs.iso
NPROC := $(shell nproc 2>/dev/null || echo 1)
test:
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) $(TEST_PREREQS)
	$(Q)MEMS="$(TEST_MEMS)" QEMU="$(QEMU_BASE)" QEMU_EXIT="$(QEMU_EXIT)" B=$(B) sh tests/run-tests.sh

bench: $(B)/bench.iso
	$(Q)QEMU="$(QEMU_BASE)" QEMU_EXIT="$(QEMU_EXIT)" B=$(B) sh tests/run-bench.sh $(if $(filter command line,$(origin MEM)),$(MEM),2G)

clean:
	rm -rf $(B) .gdbinit

.PHONY: all run debug test bench clean FORCE
FORCE:

-include $(OBJS:.o=.d) $(SELFTEST_OBJS:.o=.d) $(USER_OBJS:.o=.d) $(B)/arch/i386/kernel/asm-offsets.d \
	 $(B)/unit-tests.d
