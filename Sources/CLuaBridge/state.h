/* Private to CLuaBridge: the per-state record every part of the bridge
 * shares. It is the allocator's userdata, and its address is kept in the
 * extra space of every lua_State of the run (Lua 5.4 copies the main
 * thread's extra space into each new thread), where a fast call reads it
 * without a call into the Lua API. */
#ifndef CLB_STATE_H
#define CLB_STATE_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

typedef struct clb_state {
  void *host;
  size_t used, peak, cap;
  int armed;          /* > 0 while Lua code runs under the bridge's control */
  int limit;          /* CLB_LIMIT_* */
  long long budget;   /* instructions allowed, <= 0 for none */
  long long executed; /* instructions charged so far */
  int interval;
  /* The thread running Lua code under the bridge (NULL between calls), and
   * the message of a memory kill: where the refused allocation happened,
   * taken when it happens, because a memory error carries no position. */
  lua_State *running;
  char memory_kill[256];
  /* The coroutine the host is resuming through clb_resume (NULL between
   * resumes): only it may wait through a fast call. */
  lua_State *process;
  /* The simulation clock in milliseconds, read by the fast sim.now. */
  const int64_t *clock;
  /* What the fast dispatcher is handed (NULL: fast calls take the general
   * path): the host's own entry, so a fast call reaches it in one step. */
  void *fast_host;
} clb_state;

_Static_assert(LUA_EXTRASPACE >= sizeof(void *), "the bridge keeps its state in the extra space");

static inline clb_state *clb_state_of(lua_State *L) {
  return *(clb_state **)lua_getextraspace(L);
}

/* Calls Swift function `fn_id` with the arguments on L's stack and raises,
 * yields or returns what it asked for. */
int clb_dispatch_host(lua_State *L, int fn_id);

#endif
