# Objects holding other objects: a process with threads, each with a stack.
class Frame:
    def __init__(self, function, line):
        self.function = function
        self.line = line

class ThreadControlBlock:
    def __init__(self, tid, name):
        self.tid = tid
        self.name = name
        self.state = "new"
        self.stack = []

    def call(self, function, line):
        self.stack.append(Frame(function, line))

    def ret(self):
        return self.stack.pop().function

class Process:
    def __init__(self, pid):
        self.pid = pid
        self.threads = []

    def spawn(self, name):
        tcb = ThreadControlBlock(len(self.threads) + 1, name)
        self.threads.append(tcb)
        return tcb

    def dump(self):
        print("process", self.pid)
        for t in self.threads:
            frames = ", ".join(["%s:%d" % (f.function, f.line) for f in t.stack])
            print("  tid=%d %-8s %-8s [%s]" % (t.tid, t.name, t.state, frames))

proc = Process(4242)
main = proc.spawn("main")
main.state = "running"
main.call("<module>", 1)
main.call("main", 12)
worker = proc.spawn("worker")
worker.state = "blocked"
worker.call("run", 30)
worker.call("acquire", 31)
proc.dump()
print("returned from", worker.ret(), "and", main.ret())
worker.state = "ready"
proc.dump()
