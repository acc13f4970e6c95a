-- Running a file from anywhere.
-- expect: exit=1 stderr~"'dofile' is not available"
dofile("/etc/passwd")
