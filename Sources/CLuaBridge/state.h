/* Private to CLuaBridge: the per-state record every part of the bridge
 * shares, kept as the allocator's userdata so that any lua_State of a run
 * reaches it without a registry lookup. */
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
} clb_state;

static inline clb_state *clb_state_of(lua_State *L) {
  void *ud = NULL;
  lua_getallocf(L, &ud);
  return (clb_state *)ud;
}

/* Calls Swift function `fn_id` with the arguments on L's stack and raises,
 * yields or returns what it asked for. */
int clb_dispatch_host(lua_State *L, int fn_id);

#endif
