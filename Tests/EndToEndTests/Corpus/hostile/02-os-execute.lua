-- Running a shell command.
-- expect: exit=1 stderr~"02-os-execute.lua:3:" stderr~"'os' is not available"
os.execute("touch /tmp/drillsim-owned")
