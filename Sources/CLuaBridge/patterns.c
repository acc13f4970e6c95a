/* Lua 5.4 pattern matching (string.find, match, gmatch, gsub) with every
 * matching step charged to the run's instruction budget.
 *
 * Why: the count hook fires only between Lua instructions, never inside a
 * C function, and a backtracking pattern such as ("a*"):rep(40) .. "b" on a
 * 40-character subject takes longer than the age of the universe inside
 * one call. Charging steps turns such a call into the ordinary budget kill
 * (exit code 3) instead of a hang. Semantics follow the Lua 5.4 manual,
 * section 6.4.1; messages match the standard library's.
 *
 * The matcher's structure (single/max/min expansion, captures, balance)
 * follows lstrlib.c of Lua 5.4, Copyright (C) 1994-2023 Lua.org, PUC-Rio,
 * under the MIT licence: Permission is hereby granted, free of charge, to
 * any person obtaining a copy of this software and associated documentation
 * files (the "Software"), to deal in the Software without restriction,
 * including without limitation the rights to use, copy, modify, merge,
 * publish, distribute, sublicense, and/or sell copies of the Software, and
 * to permit persons to whom the Software is furnished to do so, subject to
 * the following conditions: The above copyright notice and this permission
 * notice shall be included in all copies or substantial portions of the
 * Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED. */
#include <ctype.h>
#include <lauxlib.h>
#include <string.h>

#include "charge.h"

#define ESCAPE '%'
#define SPECIALS "^$*+?.([%-"
#define MAX_DEPTH 200
#define MAX_CAPTURES 32
#define UNFINISHED (-1)
#define POSITION (-2)
/* Steps gathered before they are charged, so the budget check stays off
 * the hot path. */
#define CHARGE_EVERY 4096

typedef struct {
  const char *init;
  ptrdiff_t len;
} capture;

typedef struct {
  lua_State *L;
  const char *subject, *subject_end, *pattern_end;
  int depth, level;
  long long steps;
  capture captures[MAX_CAPTURES];
} matcher;

static void step(matcher *m, long long n) {
  m->steps += n;
  if (m->steps >= CHARGE_EVERY) {
    long long steps = m->steps;
    m->steps = 0;
    clb_charge(m->L, steps);
  }
}

static const char *match(matcher *m, const char *s, const char *p);

static int class_matches(int c, int class) {
  int yes;
  switch (tolower(class)) {
  case 'a': yes = isalpha(c); break;
  case 'c': yes = iscntrl(c); break;
  case 'd': yes = isdigit(c); break;
  case 'g': yes = isgraph(c); break;
  case 'l': yes = islower(c); break;
  case 'p': yes = ispunct(c); break;
  case 's': yes = isspace(c); break;
  case 'u': yes = isupper(c); break;
  case 'w': yes = isalnum(c); break;
  case 'x': yes = isxdigit(c); break;
  default: return class == c;
  }
  if (isupper(class)) yes = !yes;
  return yes != 0;
}

/* p points at '[', last at the closing ']'. */
static int set_matches(int c, const char *p, const char *last) {
  int wanted = 1;
  if (p[1] == '^') {
    wanted = 0;
    p++;
  }
  while (++p < last) {
    if (*p == ESCAPE) {
      p++;
      if (class_matches(c, (unsigned char)*p)) return wanted;
    } else if (p[1] == '-' && p + 2 < last) {
      p += 2;
      if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p) return wanted;
    } else if ((unsigned char)*p == c) {
      return wanted;
    }
  }
  return !wanted;
}

/* The end of the single-character class that starts at p. */
static const char *class_end(matcher *m, const char *p) {
  char c = *p++;
  if (c == ESCAPE) {
    if (p == m->pattern_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (*p == '^') p++;
    do {
      if (p == m->pattern_end) luaL_error(m->L, "malformed pattern (missing ']')");
      if (*(p++) == ESCAPE && p < m->pattern_end) p++;
    } while (*p != ']');
    return p + 1;
  }
  return p;
}

static int single_matches(matcher *m, const char *s, const char *p, const char *ep) {
  if (s >= m->subject_end) return 0;
  int c = (unsigned char)*s;
  switch (*p) {
  case '.': return 1;
  case ESCAPE: return class_matches(c, (unsigned char)p[1]);
  case '[': return set_matches(c, p, ep - 1);
  default: return (unsigned char)*p == c;
  }
}

static const char *match_balance(matcher *m, const char *s, const char *p) {
  if (p >= m->pattern_end - 1)
    luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
  if (s >= m->subject_end || *s != *p) return NULL;
  char open = p[0], close = p[1];
  int depth = 1;
  while (++s < m->subject_end) {
    step(m, 1);
    if (*s == close) {
      if (--depth == 0) return s + 1;
    } else if (*s == open) {
      depth++;
    }
  }
  return NULL;
}

static const char *max_expand(matcher *m, const char *s, const char *p, const char *ep) {
  ptrdiff_t i = 0;
  while (single_matches(m, s + i, p, ep)) {
    i++;
    step(m, 1);
  }
  for (; i >= 0; i--) {
    const char *res = match(m, s + i, ep + 1);
    if (res) return res;
  }
  return NULL;
}

static const char *min_expand(matcher *m, const char *s, const char *p, const char *ep) {
  for (;;) {
    const char *res = match(m, s, ep + 1);
    if (res) return res;
    if (!single_matches(m, s, p, ep)) return NULL;
    s++;
  }
}

static const char *start_capture(matcher *m, const char *s, const char *p, ptrdiff_t what) {
  if (m->level >= MAX_CAPTURES) luaL_error(m->L, "too many captures");
  m->captures[m->level].init = s;
  m->captures[m->level].len = what;
  m->level++;
  const char *res = match(m, s, p);
  if (res == NULL) m->level--;
  return res;
}

static const char *end_capture(matcher *m, const char *s, const char *p) {
  int open = m->level - 1;
  while (open >= 0 && m->captures[open].len != UNFINISHED) open--;
  if (open < 0) luaL_error(m->L, "invalid pattern capture");
  m->captures[open].len = s - m->captures[open].init;
  const char *res = match(m, s, p);
  if (res == NULL) m->captures[open].len = UNFINISHED;
  return res;
}

static int capture_index(matcher *m, int digit) {
  int index = digit - '1';
  if (index < 0 || index >= m->level || m->captures[index].len == UNFINISHED)
    return luaL_error(m->L, "invalid capture index %%%d", index + 1);
  return index;
}

static const char *match_capture(matcher *m, const char *s, int digit) {
  int index = capture_index(m, digit);
  size_t len = (size_t)m->captures[index].len;
  step(m, 1 + (long long)(len >> 4));
  if ((size_t)(m->subject_end - s) >= len && memcmp(m->captures[index].init, s, len) == 0)
    return s + len;
  return NULL;
}

static const char *match(matcher *m, const char *s, const char *p) {
  if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
  step(m, 1);
  for (;;) {
    if (p == m->pattern_end) break;
    if (*p == '(') {
      s = p[1] == ')' ? start_capture(m, s, p + 2, POSITION)
                      : start_capture(m, s, p + 1, UNFINISHED);
      break;
    }
    if (*p == ')') {
      s = end_capture(m, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == m->pattern_end) {
      if (s != m->subject_end) s = NULL;
      break;
    }
    if (*p == ESCAPE && p[1] == 'b') {
      s = match_balance(m, s, p + 2);
      if (s == NULL) break;
      p += 4;
      continue;
    }
    if (*p == ESCAPE && p[1] == 'f') {
      p += 2;
      if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
      const char *ep = class_end(m, p);
      int before = s == m->subject ? '\0' : (unsigned char)s[-1];
      int here = s < m->subject_end ? (unsigned char)*s : '\0';
      if (!set_matches(before, p, ep - 1) && set_matches(here, p, ep - 1)) {
        p = ep;
        continue;
      }
      s = NULL;
      break;
    }
    if (*p == ESCAPE && isdigit((unsigned char)p[1])) {
      s = match_capture(m, s, (unsigned char)p[1]);
      if (s == NULL) break;
      p += 2;
      continue;
    }
    const char *ep = class_end(m, p);
    if (!single_matches(m, s, p, ep)) {
      if (*ep == '*' || *ep == '?' || *ep == '-') {
        p = ep + 1;
        continue;
      }
      s = NULL;
      break;
    }
    if (*ep == '?') {
      const char *res = match(m, s + 1, ep + 1);
      if (res != NULL) {
        s = res;
        break;
      }
      p = ep + 1;
      continue;
    }
    if (*ep == '+') {
      s = max_expand(m, s + 1, p, ep);
      break;
    }
    if (*ep == '*') {
      s = max_expand(m, s, p, ep);
      break;
    }
    if (*ep == '-') {
      s = min_expand(m, s, p, ep);
      break;
    }
    s++;
    p = ep;
  }
  m->depth++;
  return s;
}

static void prepare(matcher *m, lua_State *L, const char *s, size_t ls, const char *p,
                    size_t lp) {
  m->L = L;
  m->subject = s;
  m->subject_end = s + ls;
  m->pattern_end = p + lp;
  m->steps = 0;
}

static void restart(matcher *m) {
  m->level = 0;
  m->depth = MAX_DEPTH;
}

static void push_capture(matcher *m, int i, const char *s, const char *e) {
  if (i >= m->level) {
    if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
    lua_pushlstring(m->L, s, (size_t)(e - s));
    return;
  }
  ptrdiff_t len = m->captures[i].len;
  if (len == UNFINISHED) luaL_error(m->L, "unfinished capture");
  if (len == POSITION)
    lua_pushinteger(m->L, (m->captures[i].init - m->subject) + 1);
  else
    lua_pushlstring(m->L, m->captures[i].init, (size_t)len);
}

/* The captures (or the whole match when there are none and s is given). */
static int push_captures(matcher *m, const char *s, const char *e) {
  int n = (m->level == 0 && s) ? 1 : m->level;
  luaL_checkstack(m->L, n, "too many captures");
  for (int i = 0; i < n; i++) push_capture(m, i, s, e);
  return n;
}

static size_t start_index(lua_Integer pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0) return 1;
  if (pos < -(lua_Integer)len) return 1;
  return len + (size_t)pos + 1;
}

static int has_specials(const char *p, size_t lp) {
  size_t upto = 0;
  do {
    if (strpbrk(p + upto, SPECIALS)) return 1;
    upto += strlen(p + upto) + 1;
  } while (upto <= lp);
  return 0;
}

static const char *find_plain(matcher *m, const char *s, size_t ls, const char *p, size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return NULL;
  const char *last = s + (ls - lp);
  for (const char *at = s; at <= last; at++) {
    at = memchr(at, *p, (size_t)(last - at) + 1);
    if (at == NULL) return NULL;
    step(m, 1 + (long long)(lp >> 4));
    if (memcmp(at + 1, p + 1, lp - 1) == 0) return at;
  }
  return NULL;
}

static int find_or_match(lua_State *L, int find) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  matcher m;
  prepare(&m, L, s, ls, p, lp);
  if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
    const char *at = find_plain(&m, s + init, ls - init, p, lp);
    if (m.steps) clb_charge(L, m.steps);
    if (at) {
      lua_pushinteger(L, (at - s) + 1);
      lua_pushinteger(L, (at - s) + (lua_Integer)lp);
      return 2;
    }
    luaL_pushfail(L);
    return 1;
  }
  int anchor = *p == '^';
  if (anchor) {
    p++;
    lp--;
    m.pattern_end = p + lp;
  }
  const char *from = s + init;
  do {
    restart(&m);
    const char *end = match(&m, from, p);
    if (end != NULL) {
      if (m.steps) clb_charge(L, m.steps);
      if (find) {
        lua_pushinteger(L, (from - s) + 1);
        lua_pushinteger(L, end - s);
        return push_captures(&m, NULL, NULL) + 2;
      }
      return push_captures(&m, from, end);
    }
  } while (from++ < m.subject_end && !anchor);
  if (m.steps) clb_charge(L, m.steps);
  luaL_pushfail(L);
  return 1;
}

static int counted_find(lua_State *L) { return find_or_match(L, 1); }
static int counted_match(lua_State *L) { return find_or_match(L, 0); }

typedef struct {
  const char *from, *pattern, *last;
  matcher m;
} gmatch_state;

static int gmatch_next(lua_State *L) {
  gmatch_state *g = (gmatch_state *)lua_touserdata(L, lua_upvalueindex(3));
  g->m.L = L;
  for (const char *from = g->from; from <= g->m.subject_end; from++) {
    restart(&g->m);
    const char *end = match(&g->m, from, g->pattern);
    if (end != NULL && end != g->last) {
      g->from = g->last = end;
      return push_captures(&g->m, from, end);
    }
  }
  return 0;
}

static int counted_gmatch(lua_State *L) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;
  lua_settop(L, 2);
  gmatch_state *g = (gmatch_state *)lua_newuserdatauv(L, sizeof *g, 0);
  prepare(&g->m, L, s, ls, p, lp);
  g->from = s + init;
  g->pattern = p;
  g->last = NULL;
  lua_pushcclosure(L, gmatch_next, 3);
  return 1;
}

static void add_replacement_text(matcher *m, luaL_Buffer *b, const char *s, const char *e) {
  lua_State *L = m->L;
  size_t l;
  const char *text = lua_tolstring(L, 3, &l);
  const char *p;
  while ((p = memchr(text, ESCAPE, l)) != NULL) {
    luaL_addlstring(b, text, (size_t)(p - text));
    p++;
    if (*p == ESCAPE) {
      luaL_addchar(b, *p);
    } else if (*p == '0') {
      luaL_addlstring(b, s, (size_t)(e - s));
    } else if (isdigit((unsigned char)*p)) {
      push_capture(m, *p - '1', s, e);
      luaL_tolstring(L, -1, NULL);
      lua_remove(L, -2);
      luaL_addvalue(b);
    } else {
      luaL_error(L, "invalid use of '%c' in replacement string", ESCAPE);
    }
    l -= (size_t)(p + 1 - text);
    text = p + 1;
  }
  luaL_addlstring(b, text, l);
}

/* Adds the replacement for one match; 0 when the match stays as it was. */
static int add_replacement(matcher *m, luaL_Buffer *b, const char *s, const char *e, int kind) {
  lua_State *L = m->L;
  if (kind == LUA_TFUNCTION) {
    lua_pushvalue(L, 3);
    int n = push_captures(m, s, e);
    lua_call(L, n, 1);
  } else if (kind == LUA_TTABLE) {
    push_capture(m, 0, s, e);
    lua_gettable(L, 3);
  } else {
    add_replacement_text(m, b, s, e);
    return 1;
  }
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    luaL_addlstring(b, s, (size_t)(e - s));
    return 0;
  }
  if (!lua_isstring(L, -1))
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
  luaL_addvalue(b);
  return 1;
}

static int counted_gsub(lua_State *L) {
  size_t ls, lp;
  const char *src = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  const char *last = NULL;
  int kind = lua_type(L, 3);
  lua_Integer max = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
  luaL_argexpected(L,
                   kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION ||
                       kind == LUA_TTABLE,
                   3, "string/function/table");
  int anchor = *p == '^';
  if (anchor) {
    p++;
    lp--;
  }
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  matcher m;
  prepare(&m, L, src, ls, p, lp);
  lua_Integer n = 0;
  int changed = 0;
  while (n < max) {
    restart(&m);
    const char *end = match(&m, src, p);
    if (end != NULL && end != last) {
      n++;
      changed = add_replacement(&m, &b, src, end, kind) | changed;
      src = last = end;
    } else if (src < m.subject_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchor) break;
  }
  if (m.steps) clb_charge(L, m.steps);
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, (size_t)(m.subject_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, n);
  return 2;
}

void clb_install_counted_patterns(lua_State *L) {
  static const luaL_Reg counted[] = {{"find", counted_find},
                                     {"match", counted_match},
                                     {"gmatch", counted_gmatch},
                                     {"gsub", counted_gsub},
                                     {NULL, NULL}};
  luaL_setfuncs(L, counted, 0);
}
