/* Private to CLuaBridge: charging work done inside C functions to the
 * run's instruction budget. */
#ifndef CLB_CHARGE_H
#define CLB_CHARGE_H

#include <lua.h>

/* Adds `steps` to the instructions executed; raises the budget error (a
 * Lua error, so only from C called by Lua) once the budget is spent. */
void clb_charge(lua_State *L, long long steps);

/* Replaces string.find, match, gmatch and gsub in the table at the top of
 * the stack with versions that charge their matching steps. */
void clb_install_counted_patterns(lua_State *L);

#endif
