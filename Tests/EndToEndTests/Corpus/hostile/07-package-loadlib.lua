-- Reaching the dynamic loader through package.
-- expect: exit=1 stderr~"'package' is not available"
package.loadlib("libc.so.6", "system")("touch /tmp/drillsim-owned")
