# multiprocessing as the documentation shows it: Pool.map of squares (and imap, imap_unordered,
# starmap, apply_async, a failing task), a Queue and a Pipe between processes, Value and Array
# with their lock, and a JoinableQueue worker with task_done/join. Every read-modify-write of
# the shared Value and Array is under the lock: without it CPython's three processes race.
from multiprocessing import Pool, Process, Queue, JoinableQueue, Pipe, Value, Array, Lock
import time

def f(x):
    return x * x

def add(a, b):
    return a + b

def boom(x):
    raise ValueError("bad %d" % x)

def put_things(q):
    for i in range(3):
        q.put(("item", i))
    q.put(None)

def pipe_child(conn):
    conn.send([42, None, "hello"])
    print("child got", conn.recv())
    conn.close()

def increment(counter, arr, lock):
    for i in range(50):
        with lock:
            counter.value += 1
    for i in range(len(arr)):
        with lock:
            arr[i] = -arr[i]

def consumer(q):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("consumed", item)
        q.task_done()

if __name__ == "__main__":
    with Pool(5) as p:
        print(p.map(f, [1, 2, 3]))
    with Pool(processes=4) as pool:
        print(pool.map(f, range(10)))
        for i in pool.imap_unordered(f, range(5)):
            pass
        print(sorted(pool.imap_unordered(f, range(10))))
        print(list(pool.imap(f, range(10))))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        res = pool.apply_async(f, (20,))
        print(res.get(timeout=1))
        print(pool.apply(add, (2, 3)))
        err = pool.apply_async(boom, (7,))
        try:
            err.get()
        except ValueError as e:
            print("ValueError:", e)
        print(err.successful())
    q = Queue()
    p = Process(target=put_things, args=(q,))
    p.start()
    while True:
        item = q.get()
        if item is None:
            break
        print("got", item)
    p.join()
    parent, child = Pipe()
    p = Process(target=pipe_child, args=(child,))
    p.start()
    print("parent got", parent.recv())
    parent.send("thanks")
    p.join()
    counter = Value("i", 0)
    arr = Array("d", [1.0, 2.5, 3.0])
    lock = Lock()
    ps = [Process(target=increment, args=(counter, arr, lock)) for i in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(counter.value, arr[:], counter)
    jq = JoinableQueue()
    c = Process(target=consumer, args=(jq,))
    c.start()
    for i in range(3):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("all tasks done")
    c.join()
