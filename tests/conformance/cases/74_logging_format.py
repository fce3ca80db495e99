# A logging-style formatter on a simulated clock, as the threading lessons print.
START = 12 * 3600

def clock_text(ms):
    seconds = START + ms // 1000
    return "%02d:%02d:%02d.%03d" % (seconds // 3600, seconds // 60 % 60, seconds % 60, ms % 1000)

class Logger:
    def __init__(self, fmt="%(asctime)s: %(message)s"):
        self.fmt = fmt
        self.lines = 0

    def log(self, ms, message, *args):
        if args:
            message = message % args
        self.lines += 1
        print(self.fmt % {"asctime": clock_text(ms), "message": message})

log = Logger()
log.log(0, "Main    : before creating thread")
log.log(1, "Main    : before running thread")
log.log(2, "Thread %d: starting", 1)
log.log(2003, "Thread %d: finishing", 1)
log.log(2004, "Main    : all done")
named = Logger("[%(asctime)s] %(message)s")
for i, ms in enumerate([59999, 60000, 3599999]):
    named.log(ms, "tick %s of %s", i + 1, 3)
print(log.lines, named.lines)
