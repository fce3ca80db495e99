# %-formatting, the style of the logging module's messages.
print("%s: Thread %d: %s" % ("12:00:01", 1, "starting"))
print("%d items" % 5)
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e" % (3.14159, 2.5, 1.25, 12345.678))
print("%x %X %o %#x" % (255, 255, 8, 255))
print("%s %s %s %s" % (None, True, [1, 2], (3,)))
print("%r %r" % ("quoted", 1.5))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "truncate")
print("100%% done" % ())
print("%(name)s has %(count)d jobs" % {"name": "worker", "count": 3})

def log_line(seconds, tid, message):
    h = seconds // 3600
    m = seconds % 3600 // 60
    s = seconds % 60
    return "%02d:%02d:%02d: Thread %d: %s" % (12 + h, m, s, tid, message)

print(log_line(1, 0, "starting"))
print(log_line(62, 1, "finishing"))
print(log_line(3725, 2, "joined"))
fmt = "%-8s %6.2f"
for name, ms in [("main", 1.5), ("worker", 12.25)]:
    print(fmt % (name, ms))
print("%d%%" % 50, "%s" % "single", "%s" % ("tuple",))
print("%i %d" % (3.9, -2.5))
