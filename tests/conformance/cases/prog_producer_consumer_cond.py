# An ordinary program of the kind issue 14 lists, run unchanged.
import threading
from collections import deque
buf = deque(maxlen=3)
cond = threading.Condition()
consumed = []
N = 10
def producer():
    for i in range(N):
        with cond:
            while len(buf) == buf.maxlen:
                cond.wait()
            buf.append(i)
            cond.notify_all()
def consumer():
    while len(consumed) < N:
        with cond:
            while not buf:
                cond.wait()
            consumed.append(buf.popleft())
            cond.notify_all()
p = threading.Thread(target=producer); c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print(consumed, len(buf))
