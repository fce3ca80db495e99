# queue: FIFO, LIFO and priority order, the non-blocking calls and their exceptions, timeouts,
# and task_done/join with a worker thread.
import queue
import threading

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())

lifo = queue.LifoQueue()
for x in "abc":
    lifo.put(x)
print([lifo.get_nowait() for _ in range(3)])

prio = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    prio.put(item)
print([prio.get() for _ in range(4)])

small = queue.Queue(maxsize=2)
small.put_nowait(1)
small.put(2)
print(small.full(), small.qsize())
try:
    small.put_nowait(3)
except queue.Full:
    print("Full")
try:
    small.put(3, timeout=0.01)
except queue.Full:
    print("Full after the timeout")
empty = queue.Queue()
try:
    empty.get_nowait()
except queue.Empty:
    print("Empty")
try:
    empty.get(block=True, timeout=0.05)
except queue.Empty:
    print("Empty after the timeout")
try:
    empty.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    empty.task_done()
except ValueError as e:
    print("ValueError:", e)

work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        done.append(item * item)
        work.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(6):
    work.put(i)
work.put(None)
work.join()
print("joined:", done, work.unfinished_tasks)
t.join()

handoff = queue.Queue(maxsize=1)
received = []


def consumer():
    for _ in range(4):
        received.append(handoff.get())


c = threading.Thread(target=consumer)
c.start()
for i in range(4):
    handoff.put(i)
c.join()
print("handed over:", received)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
