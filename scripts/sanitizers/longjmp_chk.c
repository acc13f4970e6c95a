/* Forwards glibc's fortified __longjmp_chk to longjmp, for ThreadSanitizer runs.
 *
 * Debian's liblua5.4 is built with _FORTIFY_SOURCE, so every Lua error and
 * every coroutine yield unwinds with __longjmp_chk. ThreadSanitizer
 * intercepts longjmp (and restores its shadow call stack there) but not
 * __longjmp_chk, so each yield left the frames it jumped over on the shadow
 * stack until a long coroutine run (scenarios/mmc-queue.lua) overflowed it
 * and the process died with a SEGV inside __tsan_func_entry.
 * scripts/sanitize thread builds this file without fortification and
 * preloads it, so the jump goes through the interceptor. It changes nothing
 * but the missing check on the jump buffer's stack frame.
 */
#include <setjmp.h>

void __longjmp_chk(struct __jmp_buf_tag env[1], int val) __attribute__((noreturn));

void __longjmp_chk(struct __jmp_buf_tag env[1], int val) { longjmp(env, val); }
