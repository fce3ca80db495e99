# threading's toolbox beyond the classic lessons: thread-local data, Barrier's state and
# action, Semaphore._value, Condition.wait_for, excepthook, the deprecated camelCase names
# (with CPython's DeprecationWarning on stderr), Timer's arguments.
import threading
import time

# threading.local: each thread sees its own attributes.
data = threading.local()
data.name = "main"
seen = []
inherited = []

def worker(n):
    inherited.append(hasattr(data, "name"))
    data.name = "worker-%d" % n
    time.sleep(0.01 * n)
    seen.append((n, data.name))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen), data.name, "inherited:", any(inherited))
try:
    data.missing
except AttributeError:
    print("AttributeError for a name this thread never set")

# Barrier: parties, n_waiting, the action run once per round, broken after abort.
barrier = threading.Barrier(3, action=lambda: print("all three arrived"))
print("parties", barrier.parties, "waiting", barrier.n_waiting, "broken", barrier.broken)
def arrive(n):
    time.sleep(0.01 * n)
    barrier.wait()

ts = [threading.Thread(target=arrive, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
time.sleep(0.05)
print("waiting before the last", barrier.n_waiting)
barrier.wait()
for t in ts:
    t.join()
print("waiting after", barrier.n_waiting)
barrier.abort()
print("broken", barrier.broken)
try:
    barrier.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError")
barrier.reset()
print("after reset", barrier.broken, barrier.n_waiting)

# Semaphore._value follows acquire and release.
sem = threading.Semaphore(2)
print("value", sem._value)
sem.acquire()
print("value", sem._value)
sem.release()
print("value", sem._value)

# Condition.wait_for with a predicate and with a timeout.
cond = threading.Condition()
items = []
def produce():
    for i in range(3):
        time.sleep(0.01)
        with cond:
            items.append(i)
            cond.notify()
p = threading.Thread(target=produce)
p.start()
with cond:
    print("wait_for", cond.wait_for(lambda: len(items) == 3))
p.join()
with cond:
    print("wait_for timed out", cond.wait_for(lambda: False, timeout=0.02))

# excepthook: a thread's uncaught exception goes to the hook.
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def fail():
    raise ValueError("bad input")
t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
threading.excepthook = threading.__excepthook__

# Timer with args and kwargs, and a cancelled one.
timer = threading.Timer(0.01, lambda a, b=0: print("timer fired", a, b), args=(1,), kwargs={"b": 2})
timer.start()
timer.join()
cancelled = threading.Timer(0.5, print, args=("never",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print("cancelled timer done")

# The deprecated names still work, with a DeprecationWarning once per place.
t = threading.Thread(target=lambda: None)
t.setName("renamed")
for i in range(2):
    print(t.getName(), t.isDaemon())
t.setDaemon(True)
print(t.daemon, type(threading.get_native_id()).__name__)
