# threading.local subclassed with __init__ (run again, with the same arguments, in each thread
# that uses it), the deprecated camelCase names, get_native_id, Timer's list arguments,
# a Barrier broken by its timeout, a Barrier's action and indexes, sys.exit in a thread, excepthook.
import threading, sys, time
t = threading.Thread(target=lambda: None)
print(t.getName()); t.setName("renamed"); print(t.name, t.isDaemon()); t.setDaemon(True); print(t.daemon)
print(threading.current_thread().getName())
print(type(threading.get_native_id()).__name__, threading.get_native_id() == threading.current_thread().native_id)
def hello(a, b=2):
    print("timer", a, b)
tm = threading.Timer(0.01, hello, [1], {"b": 5}); tm.start(); tm.join()
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("broken by timeout", b.broken)
b.reset()
def act(): print("action")
b = threading.Barrier(2, action=act)
r = []
t = threading.Thread(target=lambda: r.append(b.wait())); t.start()
r.append(b.wait()); t.join(); print(sorted(r))
c = threading.Condition()
with c:
    print(c.wait_for(lambda: True), c.wait(0.01))
s = threading.BoundedSemaphore(3); print(s._value)
def ex():
    sys.exit(5)
t = threading.Thread(target=ex); t.start(); t.join(); print("alive after sys.exit in thread")
def bad(): raise KeyError("k")
old = threading.excepthook
threading.excepthook = lambda a: print("hook", a.exc_type.__name__, repr(a.exc_value), a.thread.name)
t = threading.Thread(target=bad, name="B"); t.start(); t.join()
threading.excepthook = old
print(threading.__excepthook__ is threading.excepthook)
print(threading.main_thread().name, threading.active_count(), threading.TIMEOUT_MAX > 0)
class MyLocal(threading.local):
    def __init__(self, color):
        print("init in", threading.current_thread().name)
        self.color = color
        self.items = []
loc = MyLocal("red")
def w():
    print("worker sees", loc.color, loc.items)
    loc.color = "blue"
t = threading.Thread(target=w, name="W1"); t.start(); t.join()
print(loc.color, isinstance(loc, threading.local))
