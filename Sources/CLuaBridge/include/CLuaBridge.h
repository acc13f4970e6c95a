/* CLuaBridge: the only code in drillsim that raises Lua errors or yields.
 *
 * Lua reports errors (and yields) by longjmp. A longjmp across Swift frames
 * skips Swift's cleanup and is undefined behaviour, so Swift never calls
 * lua_error or lua_yield: a Swift callback returns CLB_ERROR with a message
 * on the stack, or CLB_YIELD_BASE - n with n values to yield, and the C
 * trampoline here raises or yields after the Swift frames have returned.
 * This file also owns the per-state limits: a capped allocator and an
 * instruction-count hook whose kill a script's pcall cannot swallow. */
#ifndef DRILLSIM_CLUABRIDGE_H
#define DRILLSIM_CLUABRIDGE_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* A Swift callback's return value when it failed: its error message is on
 * top of the stack and the trampoline raises it. */
#define CLB_ERROR (-1)

/* A Swift callback's return value when the calling process must wait:
 * CLB_YIELD_BASE - n yields the n values on top of the stack (the host has
 * already arranged the wake-up). The values the host resumes the coroutine
 * with become the callback's results. */
#define CLB_YIELD_BASE (-2)

/* Which limit stopped the state, if any. */
#define CLB_LIMIT_NONE 0
#define CLB_LIMIT_INSTRUCTIONS 1
#define CLB_LIMIT_MEMORY 2

/* The chunk name of host-supplied Lua code; error locations skip its frames
 * so that messages point at the scenario's own lines. */
#define CLB_HOST_CHUNK "=[drillsim]"

/* Calls the Swift function `fn_id` of the host that owns `L`'s state.
 * Returns the number of results pushed, CLB_ERROR, or CLB_YIELD_BASE - n. */
typedef int (*clb_dispatch_fn)(lua_State *L, void *host, int fn_id);

/* Installs the Swift dispatcher. Idempotent; every state shares it. */
void clb_set_dispatch(clb_dispatch_fn fn);

/* A new state with a capped allocator; `host` comes back in dispatch.
 * Returns NULL when memory cannot be had. */
lua_State *clb_newstate(void *host, size_t memory_cap);
void clb_close(lua_State *L);

/* Sets the host pointer handed to dispatch (after the host is built). */
void clb_set_host(lua_State *L, void *host);

/* Charges every executed VM instruction against `budget` (checked every
 * `interval` instructions). Threads created afterwards inherit the hook. */
void clb_set_instruction_budget(lua_State *L, long long budget, int interval);
long long clb_instructions_used(lua_State *L);
size_t clb_memory_used(lua_State *L);
size_t clb_memory_peak(lua_State *L);
int clb_limit_hit(lua_State *L);
/* "file:line: memory cap of N MiB reached" once the cap refused an
 * allocation (a memory error itself says only "not enough memory"). */
const char *clb_memory_kill(lua_State *L);
/* Pushes a C function returning whether a limit was hit; it never raises,
 * so it can run in an error handler that the kill itself invoked. */
void clb_push_limit_probe(lua_State *L);

/* Opens base, table, string, math, utf8 and coroutine under protection.
 * Returns a Lua status. The sandbox then decides what scripts see. */
int clb_open_libs(lua_State *L);

/* Pushes a C closure that dispatches to Swift function `fn_id`. */
void clb_push_function(lua_State *L, int fn_id);

/* Fast host calls: the hottest host functions (sim.now, sim.wait,
 * resource:request and :release, stream:exponential, sim.process) read their arguments
 * in C and make one Swift call with plain numbers, instead of a general
 * call through a LuaCall. The fast function falls back to the general one
 * (same id) for anything but the common case, so errors read the same. */
#define CLB_OP_NOW 1
#define CLB_OP_WAIT 2
#define CLB_OP_REQUEST 3
#define CLB_OP_RELEASE 4
#define CLB_OP_EXPONENTIAL 5
#define CLB_OP_PROCESS 6

/* What the host's fast dispatcher returns. */
#define CLB_FAST_GENERAL 0 /* take the general function (it reports errors) */
#define CLB_FAST_DONE 1    /* return no values */
#define CLB_FAST_VALUE 2   /* return `result` */
#define CLB_FAST_WAIT 3    /* the host queued the process: yield it */
#define CLB_FAST_PUSHED 4  /* return the `pushed` values the host pushed */

typedef struct clb_fast_call {
  /* The calling thread, whose stack holds the arguments. */
  lua_State *L;
  int op;
  /* Called by the coroutine the host is resuming, which may yield. */
  int in_process;
  /* The handle id at [1] of argument 1 (request, release, exponential). */
  lua_Integer integer;
  /* The number argument (wait: seconds; exponential: the mean). */
  double number;
  /* Set by the host for CLB_FAST_VALUE and CLB_FAST_PUSHED. */
  double result;
  int pushed;
} clb_fast_call;

/* The host's fast dispatcher; `host` is the one given to
 * clb_set_fast_host. */
typedef int (*clb_fast_dispatch_fn)(void *host, clb_fast_call *call);

/* Installs the fast dispatcher. Idempotent; every state shares it. */
void clb_set_fast_dispatch(clb_fast_dispatch_fn fn);

/* Sets what the fast dispatcher is handed for L's state; NULL sends every
 * fast call down the general path. */
void clb_set_fast_host(lua_State *L, void *host);

/* Pushes the fast function for operation `op` (CLB_OP_*), which falls back
 * to Swift function `fn_id`. */
void clb_push_fast_function(lua_State *L, int fn_id, int op);

/* The clock the fast sim.now reads (milliseconds; NULL: ask the host). The
 * pointer must stay valid while Lua code can run, or be reset to NULL. */
void clb_set_clock(lua_State *L, const int64_t *milliseconds);

/* Loads Lua text (binary chunks refused). Leaves the function, or the
 * error message, on top. */
int clb_load(lua_State *L, const char *buf, size_t len, const char *chunkname);

/* lua_pcall with a traceback message handler and the memory cap armed.
 * On error the message, with its traceback, is on top. */
int clb_pcall(lua_State *L, int nargs, int nresults);

/* lua_resume with the memory cap armed. On error the message with the
 * coroutine's traceback is pushed onto L and `co` is reset. */
int clb_resume(lua_State *L, lua_State *co, int nargs, int *nresults);

/* Closes a finished or abandoned coroutine (lua_resetthread or
 * lua_closethread, depending on the Lua release): its pending to-be-closed
 * variables are closed and it is back at its base call. Returns LUA_OK, or
 * the status of an error a __close raised (the coroutine is then in that
 * error state, its message on its stack, and cannot run again). */
int clb_closethread(lua_State *L, lua_State *co);

/* Reads table[position] (raw) at stack index `table` as an integer into
 * `out`; returns 0, leaving `out` alone, when `table` is not a table or the
 * value is not a number with an integer value. Never raises. */
int clb_table_integer(lua_State *L, int table, lua_Integer position, lua_Integer *out);

/* Handles: light userdata whose pointer bits are a host id (a process's),
 * so that making one allocates nothing and leaves no garbage. Pops the
 * methods table on top and makes it the methods of every light userdata:
 * `h:method()` finds them and `h.pid` is the id. The metatable is hidden
 * (getmetatable returns false). Scripts can make no light userdata of
 * their own, so the handles are the only ones they see. */
void clb_set_handle_methods(lua_State *L);

/* Makes `L`'s string metatable hidden from scripts (getmetatable("")
 * returns false), so scripts cannot reach the real string library. */
void clb_hide_string_metatable(lua_State *L);

#endif
