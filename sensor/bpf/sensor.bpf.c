// SPDX-License-Identifier: Apache-2.0 OR GPL-2.0-only
//
// Bactrian's sensor: the kernel side. Tracepoint programs for exec, connect, open and exit.
// Each program returns at once unless the current task's cgroup v2 id is a key of WATCHED;
// events of watched cgroups go to userspace through the EVENTS ring buffer. When the ring
// buffer is full the event is counted (in the cgroup's WATCHED value and in COUNTERS[0]),
// never lost silently.
//
// The record layouts below are mirrored by sensor/src/kernel.rs: change both together.
// Hooks and the kernel that brought them: tracepoints syscalls/sys_enter_* (ftrace syscall
// events, stable format), sched/sched_process_exec (3.4), sched/sched_process_exit;
// BPF ring buffer (5.8); bpf_get_current_cgroup_id (4.18); openat2 (5.6).

#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

// The kernel refuses GPL-only helpers (bpf_probe_read_user_str, bpf_get_current_task) to
// programs that do not declare a GPL-compatible licence; this file is dual-licensed.
char LICENSE[] SEC("license") = "GPL";

#define KIND_EXEC 1
#define KIND_CONNECT 2
#define KIND_OPEN 3
#define KIND_EXIT 4

#define FILENAME_MAX_LEN 256
#define ARGS_MAX_LEN 1024
#define PATH_MAX_LEN 512

// About 100 open records.
#define OPEN_WAKEUP_BYTES (64 << 10)

#define AF_INET 2
#define AF_INET6 10

// Minimal CO-RE views of kernel structs: only the fields read here. The loader relocates
// each access against the running kernel's BTF (/sys/kernel/btf/vmlinux), so no generated
// vmlinux.h is needed and the offsets are right on any kernel with BTF.
typedef struct {
	int counter;
} atomic_t;

struct signal_struct {
	atomic_t live;
} __attribute__((preserve_access_index));

struct mm_struct {
	unsigned long arg_start;
	unsigned long arg_end;
} __attribute__((preserve_access_index));

struct task_struct {
	int exit_code;
	int tgid;
	struct task_struct *real_parent;
	struct mm_struct *mm;
	struct signal_struct *signal;
} __attribute__((preserve_access_index));

// Every record starts with this header (32 bytes).
struct header {
	__u32 kind;
	__u32 pid;     // thread-group id
	__u32 ppid;    // real parent's thread-group id
	__u32 aux;     // open: flags; exit: raw exit_code; connect: address family
	__u64 cgroup_id;
	__u64 ktime_ns;
};

struct exec_event {
	struct header h;
	__u32 filename_len; // bytes written by bpf_probe_read_kernel_str, incl. NUL; 0 if unread
	__u32 args_len;     // bytes of the NUL-separated argument area copied
	char filename[FILENAME_MAX_LEN];
	char args[ARGS_MAX_LEN];
};

struct connect_event {
	struct header h;
	__u16 port; // network byte order, as in the sockaddr
	__u16 pad;
	__u32 pad2;
	__u8 addr[16]; // IPv4: first 4 bytes
};

struct open_event {
	struct header h;
	__u32 path_len; // bytes written by bpf_probe_read_user_str, incl. NUL; 0 if unread
	__u32 pad;
	char path[PATH_MAX_LEN];
};

struct exit_event {
	struct header h;
};

// Watched cgroup ids -> events of that cgroup lost because the ring buffer was full.
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, __u64);
} WATCHED SEC(".maps");

// [0]: events lost (ring buffer full), all cgroups together.
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} COUNTERS SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} EVENTS SEC(".maps");

// Tracepoint contexts, from /sys/kernel/tracing/events/*/*/format (stable ABI).
struct common {
	__u16 type;
	__u8 flags;
	__u8 preempt_count;
	__s32 pid;
};

struct sys_enter {
	struct common c;
	__s32 syscall_nr;
	__u32 pad;
	__u64 args[6];
};

struct sched_process_exec {
	struct common c;
	__u32 filename_loc; // __data_loc: low 16 bits offset from ctx, high 16 bits length
	__s32 pid;
	__s32 old_pid;
};

static __always_inline __u64 *watched(__u64 cgid)
{
	return bpf_map_lookup_elem(&WATCHED, &cgid);
}

static __always_inline void count_drop(__u64 *cg_drops)
{
	__u32 zero = 0;
	__u64 *total = bpf_map_lookup_elem(&COUNTERS, &zero);

	__sync_fetch_and_add(cg_drops, 1);
	if (total)
		__sync_fetch_and_add(total, 1);
}

static __always_inline void fill_header(struct header *h, __u32 kind, __u64 cgid, __u32 aux)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();

	h->kind = kind;
	h->pid = bpf_get_current_pid_tgid() >> 32;
	h->ppid = BPF_CORE_READ(task, real_parent, tgid);
	h->aux = aux;
	h->cgroup_id = cgid;
	h->ktime_ns = bpf_ktime_get_ns();
}

SEC("tracepoint/sched/sched_process_exec")
int sensor_exec(struct sched_process_exec *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;

	struct exec_event *e = bpf_ringbuf_reserve(&EVENTS, sizeof(*e), 0);
	if (!e) {
		count_drop(drops);
		return 0;
	}
	fill_header(&e->h, KIND_EXEC, cgid, 0);

	long n = bpf_probe_read_kernel_str(e->filename, sizeof(e->filename),
					   (void *)ctx + (ctx->filename_loc & 0xFFFF));
	e->filename_len = n > 0 ? n : 0;

	// The new image's argv strings are on its stack between mm->arg_start and arg_end
	// (set up by the binfmt loader before this tracepoint fires).
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	unsigned long start = BPF_CORE_READ(task, mm, arg_start);
	unsigned long end = BPF_CORE_READ(task, mm, arg_end);
	__u32 len = 0;
	if (end > start) {
		unsigned long span = end - start;
		len = span > ARGS_MAX_LEN ? ARGS_MAX_LEN : (__u32)span;
	}
	e->args_len = 0;
	if (len > 0 && len <= ARGS_MAX_LEN &&
	    bpf_probe_read_user(e->args, len, (void *)start) == 0)
		e->args_len = len;

	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_connect")
int sensor_connect(struct sys_enter *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;

	void *uaddr = (void *)ctx->args[1];
	__u64 addrlen = ctx->args[2];
	// sockaddr_in6: family(2) port(2) flowinfo(4) addr(16) scope_id(4)
	__u8 sa[28] = {};
	if (addrlen < 16 || bpf_probe_read_user(sa, 16, uaddr) != 0)
		return 0;
	__u16 family; // sa_family_t, host byte order
	__builtin_memcpy(&family, sa, sizeof(family));
	if (family == AF_INET6) {
		if (addrlen < 24 || bpf_probe_read_user(sa, 24, uaddr) != 0)
			return 0;
	} else if (family != AF_INET) {
		return 0; // AF_UNIX and others: not observed
	}

	struct connect_event *e = bpf_ringbuf_reserve(&EVENTS, sizeof(*e), 0);
	if (!e) {
		count_drop(drops);
		return 0;
	}
	fill_header(&e->h, KIND_CONNECT, cgid, family);
	__builtin_memcpy(&e->port, &sa[2], 2);
	e->pad = 0;
	e->pad2 = 0;
	if (family == AF_INET) {
		__builtin_memcpy(e->addr, &sa[4], 4);
		__builtin_memset(&e->addr[4], 0, 12);
	} else {
		__builtin_memcpy(e->addr, &sa[8], 16);
	}
	bpf_ringbuf_submit(e, 0);
	return 0;
}

static __always_inline int emit_open(__u64 cgid, __u64 *drops, const char *upath, __u32 flags)
{
	struct open_event *e = bpf_ringbuf_reserve(&EVENTS, sizeof(*e), 0);
	if (!e) {
		count_drop(drops);
		return 0;
	}
	fill_header(&e->h, KIND_OPEN, cgid, flags);
	long n = bpf_probe_read_user_str(e->path, sizeof(e->path), upath);
	e->path_len = n > 0 ? n : 0;
	e->pad = 0;
	// Opens come in bursts: wake the reader only once a batch is waiting (it polls every
	// POLL_MS anyway, so a lone open is delivered within that). Other events wake it at once.
	__u64 waiting = bpf_ringbuf_query(&EVENTS, BPF_RB_AVAIL_DATA);
	bpf_ringbuf_submit(e, waiting >= OPEN_WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int sensor_openat(struct sys_enter *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;
	return emit_open(cgid, drops, (const char *)ctx->args[1], (__u32)ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_enter_openat2")
int sensor_openat2(struct sys_enter *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;
	// struct open_how { __u64 flags; __u64 mode; __u64 resolve; }
	__u64 flags = 0;
	bpf_probe_read_user(&flags, sizeof(flags), (void *)ctx->args[2]);
	return emit_open(cgid, drops, (const char *)ctx->args[1], (__u32)flags);
}

// open(2) exists on x86_64 but not on arm64; the loader attaches this one only if present.
SEC("tracepoint/syscalls/sys_enter_open")
int sensor_open(struct sys_enter *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;
	return emit_open(cgid, drops, (const char *)ctx->args[0], (__u32)ctx->args[1]);
}

SEC("tracepoint/sched/sched_process_exit")
int sensor_exit(void *ctx)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	__u64 *drops = watched(cgid);
	if (!drops)
		return 0;

	// Report the process, not each thread: only the thread that leaves the group empty
	// (do_exit decrements signal->live before this tracepoint).
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	if (BPF_CORE_READ(task, signal, live.counter) != 0)
		return 0;

	struct exit_event *e = bpf_ringbuf_reserve(&EVENTS, sizeof(*e), 0);
	if (!e) {
		count_drop(drops);
		return 0;
	}
	fill_header(&e->h, KIND_EXIT, cgid, (__u32)BPF_CORE_READ(task, exit_code));
	bpf_ringbuf_submit(e, 0);
	return 0;
}
