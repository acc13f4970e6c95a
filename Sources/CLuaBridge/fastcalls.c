/* See CLuaBridge.h: the fast host functions, which answer the common case
 * of the calls a queueing model makes per customer (sim.now, sim.wait,
 * request, release, exponential draws, sim.process) with one plain Swift
 * call, and hand every other case to the general trampoline.
 *
 * One C function per operation, so that the common case reads no upvalue:
 * upvalue 1 (the general function's id) is read only to fall back. */
#include "CLuaBridge.h"
#include "state.h"

static clb_fast_dispatch_fn fast_dispatch_fn = NULL;

void clb_set_fast_dispatch(clb_fast_dispatch_fn fn) {
  __atomic_store_n(&fast_dispatch_fn, fn, __ATOMIC_RELEASE);
}

void clb_set_fast_host(lua_State *L, void *host) { clb_state_of(L)->fast_host = host; }

/* The general function: it handles (and reports) everything the fast path
 * does not. The arguments must be as the caller passed them. */
static int general(lua_State *L) {
  return clb_dispatch_host(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
}

/* Reads the host id at [1] of the handle table (resource, stream) that is
 * argument 1 into `out`. The value read is left on the stack above the
 * arguments: a fast function's results are taken from the top, so only the
 * fallback (`general_after_handle`) pops it. Returns 0, having pushed
 * nothing, when argument 1 is not a table; then, or when the value is not
 * an integer, `*out` is unchanged. */
static int handle_id(lua_State *L, lua_Integer *out) {
  if (lua_type(L, 1) != LUA_TTABLE) return 0;
  int ok = 0;
  lua_rawgeti(L, 1, 1);
  lua_Integer id = lua_tointegerx(L, -1, &ok);
  if (ok) *out = id;
  return 1 + ok; /* 1: pushed, not an id; 2: pushed, an id */
}

/* The general function, after `handle_id` pushed its value. */
static int general_after_handle(lua_State *L, int pushed) {
  if (pushed) lua_settop(L, -2);
  return general(L);
}

/* Makes the Swift call and turns its answer into the function's results. */
static int host_call(lua_State *L, clb_state *s, clb_fast_call *call) {
  clb_fast_dispatch_fn fn = __atomic_load_n(&fast_dispatch_fn, __ATOMIC_ACQUIRE);
  if (fn == NULL || s->fast_host == NULL) return CLB_FAST_GENERAL;
  /* As in dispatch_host: Swift frames must never see a memory error. */
  int armed = s->armed;
  s->armed = 0;
  int outcome = fn(s->fast_host, call);
  s->armed = armed;
  switch (outcome) {
  case CLB_FAST_DONE:
    return 0;
  case CLB_FAST_VALUE:
    lua_pushnumber(L, call->result);
    return 1;
  case CLB_FAST_PUSHED:
    return call->pushed;
  case CLB_FAST_WAIT:
    /* The resume's values become the call's results, as with a yield from
     * dispatch_host. */
    return lua_yield(L, 0);
  default: /* CLB_FAST_GENERAL */
    return -1;
  }
}

static int fast_now(lua_State *L) {
  clb_state *s = clb_state_of(L);
  if (s->clock == NULL) return general(L);
  /* Swift's SimTime.seconds: the same division, so the same double. */
  lua_pushnumber(L, (lua_Number)*s->clock / 1000);
  return 1;
}

static int fast_wait(lua_State *L) {
  clb_state *s = clb_state_of(L);
  if (L != s->process || lua_type(L, 1) != LUA_TNUMBER || !lua_isyieldable(L)) return general(L);
  clb_fast_call call = {L, CLB_OP_WAIT, 1, 0, lua_tonumber(L, 1), 0.0, 0};
  int n = host_call(L, s, &call);
  return n >= 0 ? n : general(L);
}

static int fast_request(lua_State *L) {
  clb_state *s = clb_state_of(L);
  if (!lua_isnoneornil(L, 2)) return general(L);
  clb_fast_call call = {L, CLB_OP_REQUEST, 0, 0, 0.0, 0.0, 0};
  int pushed = handle_id(L, &call.integer);
  if (pushed != 2) return general_after_handle(L, pushed);
  call.in_process = L == s->process && lua_isyieldable(L);
  int n = host_call(L, s, &call);
  return n >= 0 ? n : general_after_handle(L, 1);
}

static int fast_release(lua_State *L) {
  clb_state *s = clb_state_of(L);
  clb_fast_call call = {L, CLB_OP_RELEASE, 0, 0, 0.0, 0.0, 0};
  int pushed = handle_id(L, &call.integer);
  if (pushed != 2) return general_after_handle(L, pushed);
  int n = host_call(L, s, &call);
  return n >= 0 ? n : general_after_handle(L, 1);
}

static int fast_exponential(lua_State *L) {
  clb_state *s = clb_state_of(L);
  if (lua_type(L, 2) != LUA_TNUMBER) return general(L);
  clb_fast_call call = {L, CLB_OP_EXPONENTIAL, 0, 0, lua_tonumber(L, 2), 0.0, 0};
  int pushed = handle_id(L, &call.integer);
  if (pushed != 2) return general_after_handle(L, pushed);
  int n = host_call(L, s, &call);
  return n >= 0 ? n : general_after_handle(L, 1);
}

static int fast_process(lua_State *L) {
  clb_state *s = clb_state_of(L);
  if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TFUNCTION) return general(L);
  clb_fast_call call = {L, CLB_OP_PROCESS, 0, 0, 0.0, 0.0, 0};
  int n = host_call(L, s, &call);
  return n >= 0 ? n : general(L);
}

void clb_push_fast_function(lua_State *L, int fn_id, int op) {
  lua_CFunction f;
  switch (op) {
  case CLB_OP_NOW: f = fast_now; break;
  case CLB_OP_WAIT: f = fast_wait; break;
  case CLB_OP_REQUEST: f = fast_request; break;
  case CLB_OP_RELEASE: f = fast_release; break;
  case CLB_OP_EXPONENTIAL: f = fast_exponential; break;
  case CLB_OP_PROCESS: f = fast_process; break;
  default: f = general; break;
  }
  lua_pushinteger(L, fn_id);
  lua_pushcclosure(L, f, 1);
}

void clb_set_clock(lua_State *L, const int64_t *milliseconds) {
  clb_state_of(L)->clock = milliseconds;
}
