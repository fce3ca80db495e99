# sys and time on the machine: the GIL switch interval as CPython reports it, sys.exit in a
# thread ends that thread only, the standard streams, and CPU clocks that sleeping does not move.
import sys, time, threading
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0000001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
def spin():
    n = 0
    for i in range(20000):
        n += i
    spun.append(time.thread_time() > 0)
def quit_thread():
    sys.exit(3)
    print("never")
t = threading.Thread(target=quit_thread); t.start(); t.join()
print("main goes on")
t0 = time.process_time()
time.sleep(1)
print("sleep costs no cpu", time.process_time() - t0 < 0.001)
spun = []
ts = [threading.Thread(target=spin) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("spin", spun)
print(time.process_time() > time.thread_time(), type(time.process_time_ns()).__name__, type(time.thread_time_ns()).__name__)
sys.stdout.write("written\n"); sys.stdout.flush(); sys.stderr.write("to stderr\n")
print(sys.getrecursionlimit())
