/* Swift-visible shims for Lua 5.4's function-like macros.
 *
 * Swift imports Lua's functions and integer constants but not its macros, so
 * the few macros Swift code needs are restated here as static inline
 * functions. Nothing here raises a Lua error by itself: raising belongs to
 * CLuaBridge (a longjmp must never cross a Swift frame). */
#ifndef DRILLSIM_CLUA_SHIM_H
#define DRILLSIM_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static inline int clua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline void clua_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void clua_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline void clua_replace(lua_State *L, int idx) { lua_replace(L, idx); }
static inline int clua_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }
static inline double clua_tonumber(lua_State *L, int idx) { return lua_tonumberx(L, idx, NULL); }
static inline long long clua_tointeger(lua_State *L, int idx) { return (long long)lua_tointegerx(L, idx, NULL); }
static inline const char *clua_tolstring(lua_State *L, int idx, size_t *len) { return lua_tolstring(L, idx, len); }

#endif
