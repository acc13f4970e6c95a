/* See CLuaBridge.h: the fast host functions, which answer the common case
 * of the calls a queueing model makes per customer (sim.now, sim.wait,
 * request, release, exponential draws, sim.process) with one plain Swift
 * call, and hand every other case to the general trampoline. */
#include "CLuaBridge.h"
#include "state.h"

static clb_fast_dispatch_fn fast_dispatch_fn = NULL;

void clb_set_fast_dispatch(clb_fast_dispatch_fn fn) {
  __atomic_store_n(&fast_dispatch_fn, fn, __ATOMIC_RELEASE);
}

/* A fast host function: upvalue 1 is op * 2^16 + the general function's id.
 * It reads the arguments of the common case here, makes one Swift call with
 * them as plain numbers and yields itself when the host queued the process;
 * anything else (a wrong argument, a call outside a process) goes to the
 * general function, which reports it. */
static int fast_function(lua_State *L) {
  lua_Integer packed = lua_tointeger(L, lua_upvalueindex(1));
  int fn_id = (int)(packed & 0xffff);
  clb_state *s = clb_state_of(L);
  clb_fast_call call = {L, (int)(packed >> 16), 0, 0, 0.0, 0.0, 0};
  switch (call.op) {
  case CLB_OP_NOW:
    if (s->clock == NULL) break;
    /* Swift's SimTime.seconds: the same division, so the same double. */
    lua_pushnumber(L, (lua_Number)*s->clock / 1000);
    return 1;
  case CLB_OP_WAIT:
    if (L != s->process || lua_type(L, 1) != LUA_TNUMBER || !lua_isyieldable(L)) break;
    call.in_process = 1;
    call.number = lua_tonumber(L, 1);
    goto host;
  case CLB_OP_REQUEST:
    if (!lua_isnoneornil(L, 2) || !clb_table_integer(L, 1, 1, &call.integer)) break;
    call.in_process = L == s->process && lua_isyieldable(L);
    goto host;
  case CLB_OP_RELEASE:
    if (!clb_table_integer(L, 1, 1, &call.integer)) break;
    goto host;
  case CLB_OP_EXPONENTIAL:
    if (lua_type(L, 2) != LUA_TNUMBER || !clb_table_integer(L, 1, 1, &call.integer)) break;
    call.number = lua_tonumber(L, 2);
    goto host;
  case CLB_OP_PROCESS:
    if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TFUNCTION) break;
    goto host;
  default:
    break;
  }
  return clb_dispatch_host(L, fn_id);
host:;
  clb_fast_dispatch_fn fn = __atomic_load_n(&fast_dispatch_fn, __ATOMIC_ACQUIRE);
  if (fn == NULL) return clb_dispatch_host(L, fn_id);
  /* As in dispatch_host: Swift frames must never see a memory error. */
  int armed = s->armed;
  s->armed = 0;
  int outcome = fn(s->host, &call);
  s->armed = armed;
  switch (outcome) {
  case CLB_FAST_DONE:
    return 0;
  case CLB_FAST_VALUE:
    lua_pushnumber(L, call.result);
    return 1;
  case CLB_FAST_PUSHED:
    return call.pushed;
  case CLB_FAST_WAIT:
    /* The resume's values become the call's results, as with a yield from
     * dispatch_host. */
    return lua_yield(L, 0);
  default: /* CLB_FAST_GENERAL */
    return clb_dispatch_host(L, fn_id);
  }
}

void clb_push_fast_function(lua_State *L, int fn_id, int op) {
  lua_pushinteger(L, ((lua_Integer)op << 16) | (lua_Integer)fn_id);
  lua_pushcclosure(L, fast_function, 1);
}

void clb_set_clock(lua_State *L, const int64_t *milliseconds) {
  clb_state_of(L)->clock = milliseconds;
}
