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

# The 3G/1G split (VMSPLIT_3G).  One number, passed to C, NASM and the linker.
PAGE_OFFSET := 0xC0000000

B ?= build
ifeq ($(V),1)
Q :=
else
Q := @
endif

CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	  -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	  -fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
	  -fno-omit-frame-pointer -mgeneral-regs-only -fno-strict-aliasing -mregparm=3 \
	  -mpreferred-stack-boundary=2 \
	  -Iinclude -DCONFIG_PAGE_OFFSET=$(PAGE_OFFSET) -MMD -MP
LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
	   -Wl,--defsym=__PAGE_OFFSET=$(PAGE_OFFSET) -T linker.ld
NASMFLAGS := -f elf32 -D__PAGE_OFFSET=$(PAGE_OFFSET)

BOOT_OBJS   := boot/head.o
ARCH_OBJS   := arch/i386/kernel/entry.o arch/i386/kernel/cpu.o \
	       arch/i386/kernel/traps.o arch/i386/kernel/i8259.o \
	       arch/i386/kernel/time.o arch/i386/kernel/serial.o \
	       arch/i386/kernel/qemu.o arch/i386/kernel/setup.o \
	       arch/i386/kernel/multiboot2.o arch/i386/kernel/e820.o \
	       arch/i386/mm/init.o arch/i386/mm/fault.o arch/i386/mm/extable.o \
	       arch/i386/mm/pgtable.o arch/i386/mm/ioremap.o arch/i386/kernel/apic.o \
	       arch/i386/lib/usercopy.o arch/i386/lib/div64.o \
	       arch/i386/kernel/process.o arch/i386/kernel/syscall.o
KERNEL_OBJS := kernel/main.o kernel/printk.o kernel/vsprintf.o kernel/string.o \
	       kernel/kallsyms.o kernel/params.o kernel/cmdline.o kernel/elf.o \
	       kernel/sched.o kernel/fork.o kernel/exit.o kernel/exec.o kernel/sys.o kernel/proc.o
MM_OBJS     := mm/memblock.o mm/buddy.o mm/page_alloc.o mm/mm_init.o mm/highmem.o mm/vmstat.o mm/vmalloc.o \
	       mm/slab.o mm/slab_cpucache.o mm/slab_debug.o mm/kmalloc.o mm/memory.o mm/rmap.o mm/mmap.o
TEST_OBJS   := tests/kernel/selftest.o tests/kernel/bench.o \
	       tests/kernel/boot_test.o tests/kernel/printk_test.o \
	       tests/kernel/mm_test.o tests/kernel/vmalloc_test.o tests/kernel/ioremap_test.o tests/kernel/highmem_test.o \
	       tests/kernel/layout_test.o tests/kernel/slab_test.o tests/kernel/slab_debug_test.o \
	       tests/kernel/elf_test.o tests/kernel/process_test.o
OBJS := $(addprefix $(B)/,$(BOOT_OBJS) $(ARCH_OBJS) $(KERNEL_OBJS) $(MM_OBJS) $(TEST_OBJS))

# User programs (boot/user/<prog>.c), each linked with crt0 and ulib.
USER_PROGS    := init usertests bench
USER_LIB_OBJS := $(B)/user/crt0.o $(B)/user/ulib.o
USER_BINS     := $(addprefix $(B)/user/,$(USER_PROGS))
USER_ASMS     := $(USER_BINS:=.asm)
USER_OBJS     := $(USER_LIB_OBJS) $(USER_BINS:=.o)

# Plain C shared with the host unit tests (tests/unit/).
HOST_SRCS := arch/i386/kernel/multiboot2.c arch/i386/kernel/e820.c mm/buddy.c mm/page_alloc.c \
	     mm/mm_init.c mm/vmstat.c \
	     kernel/params.c kernel/cmdline.c mm/memblock.c arch/i386/lib/div64.c mm/vmalloc.c \
	     mm/slab.c mm/slab_cpucache.c mm/slab_debug.c mm/kmalloc.c kernel/elf.c mm/mmap.c \
	     mm/rmap.c
UNIT_SRCS := $(wildcard tests/unit/*.c)
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Iinclude -DHOST_TEST \
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

$(B)/%.o: %.asm $(B)/.flags | $(B)/.tools-ok
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  NASM    $<" || true
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# kallsyms, as Linux builds it: link once with an empty table, list the
# text symbols of that kernel, link again with the list.  The table is the
# last section (linker.ld), so the second link moves nothing else: checked.
$(B)/kallsyms0.c: kernel/kallsyms.awk | $(B)/.tools-ok
	$(Q)awk -f kernel/kallsyms.awk < /dev/null > $@

$(B)/kallsyms.o $(B)/kallsyms0.o: $(B)/%.o: $(B)/%.c $(B)/.flags
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(B)/kernel.pass1.elf: $(OBJS) $(B)/kallsyms0.o linker.ld
	@[ -n "$(Q)" ] && echo "  LD      $@" || true
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $(OBJS) $(B)/kallsyms0.o -o $@

$(B)/kallsyms.c: $(B)/kernel.pass1.elf kernel/kallsyms.awk
	$(Q)$(NM) -n $< | awk -f kernel/kallsyms.awk > $@

$(B)/kernel.elf: $(OBJS) $(B)/kallsyms.o linker.ld $(B)/kernel.pass1.elf
	@[ -n "$(Q)" ] && echo "  LD      $@" || true
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $(OBJS) $(B)/kallsyms.o -o $@
	$(Q)$(NM) -n $(B)/kernel.pass1.elf | awk '$$3 == "__kallsyms_start" { exit } { print }' > $(B)/syms.pass1
	$(Q)$(NM) -n $@ | awk '$$3 == "__kallsyms_start" { exit } { print }' > $(B)/syms.pass2
	$(Q)cmp -s $(B)/syms.pass1 $(B)/syms.pass2 || \
		{ echo "kallsyms: the second link moved symbols (diff $(B)/syms.pass1 $(B)/syms.pass2)"; rm -f $@; exit 1; }
	$(Q)grub-file --is-x86-multiboot2 $@ || \
		{ echo "$@: no valid Multiboot2 header in the first 32 KB"; rm -f $@; exit 1; }

$(B)/kernel.asm: $(B)/kernel.elf
	$(Q)$(OBJDUMP) -S $< > $@

$(B)/kernel.sym: $(B)/kernel.elf
	$(Q)$(NM) -n $< > $@

# --- user programs ----------------------------------------------------------
# Each program in USER_PROGS is boot/user/<prog>.c linked with crt0 (the
# entry, _start) and ulib into a static i386 ELF executable, build/user/<prog>,
# at 0x08048000 (boot/user/user.ld).  The kernel loads none of it yet: GRUB
# does, as a Multiboot2 module.  User code keeps the ordinary i386 cdecl
# convention (no -mregparm) and gcc's 16-byte stack alignment; it avoids
# the FPU (-mgeneral-regs-only) because no context switch will save it.
USER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	       -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	       -fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
	       -fno-omit-frame-pointer -mgeneral-regs-only -MMD -MP
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-T boot/user/user.ld
USER_NASMFLAGS := -f elf32

USER_BUILD_FLAGS := $(CC) $(USER_CFLAGS) | $(NASM) $(USER_NASMFLAGS) | $(USER_LDFLAGS)
$(B)/user/.flags: FORCE
	@mkdir -p $(B)/user
	@echo '$(USER_BUILD_FLAGS)' | cmp -s - $@ || echo '$(USER_BUILD_FLAGS)' > $@

$(B)/user/%.o: boot/user/%.c $(B)/user/.flags | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  CC      $<" || true
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(B)/user/%.o: boot/user/%.asm $(B)/user/.flags | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  NASM    $<" || true
	$(Q)$(NASM) $(USER_NASMFLAGS) $< -o $@

# crt0.o first, so _start opens .text; libgcc last, for 64-bit division.
$(USER_BINS): $(B)/user/%: $(B)/user/%.o $(USER_LIB_OBJS) boot/user/user.ld
	@[ -n "$(Q)" ] && echo "  LD      $@" || true
	$(Q)$(CC) $(USER_LDFLAGS) $(B)/user/crt0.o $< $(B)/user/ulib.o -lgcc -o $@

$(USER_ASMS): %.asm: %
	$(Q)$(OBJDUMP) -S $< > $@

# --- ISOs: one per kernel command line ---------------------------------------
# build/<name>.iso boots build/kernel.elf with the command line ISO_CMDLINE_<name>,
# and loads every user program as a module (module2 /boot/<prog> <prog>).
CMDLINE ?=
ISO_CMDLINE_kernel     = $(CMDLINE)
ISO_CMDLINE_test       = selftest
ISO_CMDLINE_bench      = bench
ISO_CMDLINE_crash-null = crash=null
ISO_CMDLINE_crash-bug  = crash=bug
ISO_CMDLINE_crash-guard = crash=guard

$(B)/%.iso: $(B)/kernel.elf $(USER_BINS) FORCE
	$(Q)mkdir -p $(B)/iso-$*/boot/grub
	$(Q)cp $< $(B)/iso-$*/boot/kernel.elf
	$(Q)cp $(USER_BINS) $(B)/iso-$*/boot/
	$(Q){ printf 'set timeout=0\nset default=0\nmenuentry "i386 teaching kernel" {\n\tmultiboot2 /boot/kernel.elf %s\n' \
		'$(ISO_CMDLINE_$*)'; \
	  printf '\tmodule2 /boot/%s %s\n' $(foreach p,$(USER_PROGS),$(p) $(p)); \
	  printf '\tboot\n}\n'; } > $(B)/iso-$*/boot/grub/grub.cfg.new
	$(Q)if ! cmp -s $(B)/iso-$*/boot/grub/grub.cfg.new $(B)/iso-$*/boot/grub/grub.cfg || \
	      [ ! -f $@ ] || [ -n "$$(find $< $(USER_BINS) -newer $@)" ]; then \
		mv $(B)/iso-$*/boot/grub/grub.cfg.new $(B)/iso-$*/boot/grub/grub.cfg; \
		[ -n "$(Q)" ] && echo "  ISO     $@ ($(ISO_CMDLINE_$*))"; \
		grub-mkrescue --install-modules="multiboot2 normal iso9660 biosdisk part_msdos" \
			--locales= --fonts= --themes= -o $@ $(B)/iso-$* >$(B)/iso-$*.log 2>&1 || \
		{ cat $(B)/iso-$*.log; exit 1; }; \
	fi

# --- running ------------------------------------------------------------------
MEM ?= 512M
QEMU_BASE := $(QEMU) -accel tcg -machine pc -display none -no-reboot -boot d -nic none

run: $(B)/kernel.iso
	@echo "Booting with -m $(MEM). Quit QEMU with Ctrl-A then X."
	$(QEMU_BASE) -m $(MEM) -serial mon:stdio -cdrom $<

GDBPORT := $(shell expr `id -u` % 5000 + 25000)
.gdbinit: .gdbinit.tmpl
	sed "s/localhost:1234/localhost:$(GDBPORT)/" < $< > $@

debug: $(B)/kernel.iso .gdbinit
	@echo "QEMU waits for gdb on port $(GDBPORT): run 'gdb' in this directory, then 'continue'."
	$(QEMU_BASE) -m $(MEM) -serial mon:stdio -cdrom $< -S -gdb tcp::$(GDBPORT)

# --- testing -----------------------------------------------------------------
TEST_MEMS ?= 16M 32M 128M 512M 896M 1G 2G 3G 4G

$(B)/unit-tests: $(HOST_SRCS) $(UNIT_SRCS) $(wildcard tests/unit/*.h) | $(B)/.tools-ok
	@[ -n "$(Q)" ] && echo "  HOSTCC  $@" || true
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(HOST_SRCS) $(UNIT_SRCS) \
		$$(pkg-config --cflags --libs check) -o $@

test: $(B)/unit-tests $(B)/test.iso $(B)/crash-null.iso $(B)/crash-bug.iso $(B)/crash-guard.iso \
      $(B)/kernel.iso
	$(Q)MEMS="$(TEST_MEMS)" QEMU="$(QEMU_BASE)" B=$(B) sh tests/run-tests.sh

bench: $(B)/bench.iso
	$(Q)QEMU="$(QEMU_BASE)" B=$(B) sh tests/run-bench.sh $(if $(filter command line,$(origin MEM)),$(MEM),2G)

clean:
	rm -rf $(B) .gdbinit

.PHONY: all run debug test bench clean FORCE
FORCE:

-include $(OBJS:.o=.d) $(USER_OBJS:.o=.d)
