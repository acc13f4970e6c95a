/* See CLuaBridge.h: trampolines, the capped allocator, the count hook and
 * the traceback handler. Modelled on lua.c's docall/msghandler and Redis's
 * script_lua.c count hook. */
#include "CLuaBridge.h"
#include "charge.h"
#include "state.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room left after a memory kill so that the error message and traceback
 * can still be built. */
#define CLB_KILL_SLACK ((size_t)16 << 20)


static clb_dispatch_fn dispatch_fn = NULL;

void clb_set_dispatch(clb_dispatch_fn fn) {
  __atomic_store_n(&dispatch_fn, fn, __ATOMIC_RELEASE);
}

static void count_hook(lua_State *L, lua_Debug *ar);


/* The lua_Alloc contract: return NULL iff the request cannot be met, and
 * never refuse a free or a shrink. The cap applies only while Lua code runs
 * (armed): host pushes between calls are small and must not raise outside
 * a protected call. */
static void note_memory_kill(clb_state *s);

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  clb_state *s = (clb_state *)ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    s->used -= old;
    return NULL;
  }
  if (nsize > old && s->armed > 0 && s->cap > 0) {
    size_t limit = s->limit == CLB_LIMIT_MEMORY ? s->cap + CLB_KILL_SLACK : s->cap;
    if (s->used - old + nsize > limit) {
      if (s->limit == CLB_LIMIT_NONE) {
        s->limit = CLB_LIMIT_MEMORY;
        note_memory_kill(s);
      }
      return NULL;
    }
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL) return NULL;
  s->used = s->used - old + nsize;
  if (s->used > s->peak) s->peak = s->used;
  return p;
}

static int on_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "drillsim: unprotected Lua error: %s\n", msg ? msg : "?");
  abort();
}

lua_State *clb_newstate(void *host, size_t memory_cap) {
  clb_state *s = calloc(1, sizeof *s);
  if (s == NULL) return NULL;
  s->host = host;
  s->cap = memory_cap;
  lua_State *L = lua_newstate(capped_alloc, s);
  if (L == NULL) {
    free(s);
    return NULL;
  }
  /* Before any thread exists: each new one copies it. */
  *(clb_state **)lua_getextraspace(L) = s;
  lua_atpanic(L, on_panic);
  return L;
}

void clb_set_host(lua_State *L, void *host) { clb_state_of(L)->host = host; }

void clb_close(lua_State *L) {
  clb_state *s = clb_state_of(L);
  lua_close(L);
  free(s);
}

/* Pushes "file:line: " for the innermost frame that is the scenario's own
 * code, skipping C functions and host (prelude) frames. */
static void push_user_where(lua_State *L) {
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar)) break;
    if (ar.currentline <= 0) continue;
    if (strcmp(ar.source, CLB_HOST_CHUNK) == 0) continue;
    lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
    return;
  }
  lua_pushliteral(L, "");
}

/* Raises the kill for the limit that was hit, "file:line: what". Sticky
 * (Redis's pattern): the hook fires on every instruction from now on, so
 * a pcall in the script cannot swallow the kill. */
static int raise_limit(lua_State *L) {
  clb_state *s = clb_state_of(L);
  lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
  push_user_where(L);
  if (s->limit == CLB_LIMIT_MEMORY)
    lua_pushfstring(L, "memory cap of %d MiB reached",
                    (int)(s->cap >> 20));
  else
    lua_pushfstring(L, "instruction budget of %I instructions exhausted",
                    (lua_Integer)s->budget);
  lua_concat(L, 2);
  return lua_error(L);
}

/* Writes "file:line: memory cap of N MiB reached" for the innermost frame
 * of the scenario's own code on the running thread. Only reads the call
 * stack (lua_getstack and lua_getinfo "Sl" neither allocate nor raise), so
 * it is safe inside the allocator. */
static void note_memory_kill(clb_state *s) {
  char where[200] = "";
  lua_Debug ar;
  lua_State *L = s->running;
  for (int level = 0; L && lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar)) break;
    if (ar.currentline <= 0) continue;
    if (strcmp(ar.source, CLB_HOST_CHUNK) == 0) continue;
    snprintf(where, sizeof where, "%s:%d: ", ar.short_src, ar.currentline);
    break;
  }
  snprintf(s->memory_kill, sizeof s->memory_kill, "%smemory cap of %d MiB reached", where,
           (int)(s->cap >> 20));
}

const char *clb_memory_kill(lua_State *L) { return clb_state_of(L)->memory_kill; }

static int limit_probe(lua_State *L) {
  lua_pushboolean(L, clb_state_of(L)->limit != CLB_LIMIT_NONE);
  return 1;
}

void clb_push_limit_probe(lua_State *L) { lua_pushcfunction(L, limit_probe); }

static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  clb_state *s = clb_state_of(L);
  if (s->limit == CLB_LIMIT_NONE) {
    s->executed += s->interval;
    if (s->budget <= 0 || s->executed < s->budget) return;
    s->limit = CLB_LIMIT_INSTRUCTIONS;
  }
  raise_limit(L);
}

/* Work inside C functions (pattern matching) that the count hook cannot
 * see: charged like instructions, killed like them. */
void clb_charge(lua_State *L, long long steps) {
  clb_state *s = clb_state_of(L);
  if (s->limit == CLB_LIMIT_NONE) {
    s->executed += steps;
    if (s->budget <= 0 || s->executed < s->budget) return;
    s->limit = CLB_LIMIT_INSTRUCTIONS;
  }
  raise_limit(L);
}

void clb_set_instruction_budget(lua_State *L, long long budget, int interval) {
  clb_state *s = clb_state_of(L);
  s->budget = budget;
  s->interval = interval > 0 ? interval : 1000;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, s->interval);
}

long long clb_instructions_used(lua_State *L) { return clb_state_of(L)->executed; }
size_t clb_memory_used(lua_State *L) { return clb_state_of(L)->used; }
size_t clb_memory_peak(lua_State *L) { return clb_state_of(L)->peak; }
int clb_limit_hit(lua_State *L) { return clb_state_of(L)->limit; }

/* Where a host function that yielded continues: its results are the
 * values the host resumed the coroutine with, above its own arguments. */
static int resumed(lua_State *L, int status, lua_KContext arguments) {
  (void)status;
  return lua_gettop(L) - (int)arguments;
}

int clb_dispatch_host(lua_State *L, int fn_id) {
  clb_state *s = clb_state_of(L);
  clb_dispatch_fn fn = __atomic_load_n(&dispatch_fn, __ATOMIC_ACQUIRE);
  if (fn == NULL) return luaL_error(L, "drillsim: no host dispatcher");
  /* lua_checkstack directly: luaL_checkstack adds a call per host call. */
  if (!lua_checkstack(L, 40)) return luaL_error(L, "stack overflow (host call)");
  /* Swift frames must never see a memory error: disarm while they run. */
  int armed = s->armed;
  s->armed = 0;
  lua_State *running = s->running;
  int n = fn(L, s->host, fn_id);
  s->running = running;
  s->armed = armed;
  if (n <= CLB_YIELD_BASE) {
    /* A limit hit inside a nested protected call must not be lost. */
    if (s->limit != CLB_LIMIT_NONE) count_hook(L, NULL);
    int values = CLB_YIELD_BASE - n;
    return lua_yieldk(L, values, (lua_KContext)(lua_gettop(L) - values), resumed);
  }
  if (n == CLB_ERROR) {
    if (lua_type(L, -1) == LUA_TSTRING) {
      push_user_where(L);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    return lua_error(L);
  }
  /* A limit hit inside a nested protected call must not be lost. */
  if (s->limit != CLB_LIMIT_NONE) count_hook(L, NULL);
  return n;
}

static int trampoline(lua_State *L) {
  return clb_dispatch_host(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
}

void clb_push_function(lua_State *L, int fn_id) {
  lua_pushinteger(L, fn_id);
  lua_pushcclosure(L, trampoline, 1);
}

int clb_load(lua_State *L, const char *buf, size_t len, const char *chunkname) {
  clb_state *s = clb_state_of(L);
  s->armed++;
  int status = luaL_loadbufferx(L, buf, len, chunkname, "t");
  s->armed--;
  return status;
}

/* lua.c's msghandler: turns any error object into text plus a traceback. */
static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int clb_pcall(lua_State *L, int nargs, int nresults) {
  clb_state *s = clb_state_of(L);
  int base = lua_gettop(L) - nargs; /* the function's slot */
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  lua_State *running = s->running;
  s->running = L;
  s->armed++;
  int status = lua_pcall(L, nargs, nresults, base);
  s->armed--;
  s->running = running;
  lua_remove(L, base);
  return status;
}

/* Runs under protection: builds "message + traceback of co" on L. */
static int coroutine_traceback(lua_State *L) {
  lua_State *co = (lua_State *)lua_touserdata(L, 1);
  const char *msg = lua_tostring(co, -1);
  if (msg == NULL) {
    if (luaL_callmeta(co, -1, "__tostring") && lua_type(co, -1) == LUA_TSTRING) {
      msg = lua_tostring(co, -1);
    } else {
      msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(co, -1));
    }
  }
  luaL_traceback(L, co, msg, 0);
  return 1;
}

int clb_resume(lua_State *L, lua_State *co, int nargs, int *nresults) {
  clb_state *s = clb_state_of(L);
  lua_State *running = s->running, *process = s->process;
  s->running = co;
  s->process = co;
  s->armed++;
  int status = lua_resume(co, L, nargs, nresults);
  s->armed--;
  s->running = running;
  s->process = process;
  if (status != LUA_OK && status != LUA_YIELD) {
    lua_pushcfunction(L, coroutine_traceback);
    lua_pushlightuserdata(L, co);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
      lua_pop(L, 1);
      lua_pushliteral(L, "error (and no traceback: out of memory)");
    }
    lua_settop(co, 0);
  }
  return status;
}

int clb_closethread(lua_State *L, lua_State *co) {
#if LUA_VERSION_RELEASE_NUM >= 50406
  return lua_closethread(co, L);
#else
  (void)L;
  return lua_resetthread(co);
#endif
}

int clb_table_integer(lua_State *L, int table, lua_Integer position, lua_Integer *out) {
  if (lua_type(L, table) != LUA_TTABLE) return 0;
  int ok = 0;
  if (lua_rawgeti(L, table, position) == LUA_TNUMBER) *out = lua_tointegerx(L, -1, &ok);
  lua_pop(L, 1);
  return ok;
}

/* __index of handles: "pid" is the handle's own value, anything else a
 * method of the table in upvalue 1. Raw reads only, so it cannot raise. */
static int handle_index(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "pid") == 0) {
    lua_pushinteger(L, (lua_Integer)(intptr_t)lua_touserdata(L, 1));
    return 1;
  }
  lua_settop(L, 2);
  lua_rawget(L, lua_upvalueindex(1));
  return 1;
}

void clb_set_handle_methods(lua_State *L) {
  int methods = lua_gettop(L);
  lua_pushlightuserdata(L, NULL);
  lua_createtable(L, 0, 2);
  lua_pushvalue(L, methods);
  lua_pushcclosure(L, handle_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_settop(L, methods - 1);
}

void clb_hide_string_metatable(lua_State *L) {
  lua_pushliteral(L, "");
  if (lua_getmetatable(L, -1)) {
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static int open_libs(lua_State *L) {
  static const luaL_Reg libs[] = {
      {LUA_GNAME, luaopen_base},         {LUA_TABLIBNAME, luaopen_table},
      {LUA_STRLIBNAME, luaopen_string},  {LUA_MATHLIBNAME, luaopen_math},
      {LUA_UTF8LIBNAME, luaopen_utf8},   {LUA_COLIBNAME, luaopen_coroutine},
      {NULL, NULL}};
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  lua_getglobal(L, LUA_STRLIBNAME);
  clb_install_counted_patterns(L);
  lua_pop(L, 1);
  return 0;
}

int clb_open_libs(lua_State *L) {
  lua_pushcfunction(L, open_libs);
  return lua_pcall(L, 0, 0, 0);
}
