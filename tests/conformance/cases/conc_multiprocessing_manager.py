# multiprocessing beyond Pool.map: the documentation's Manager example (a dict and a list that
# a child changes), the proxies' methods, a Manager as a context manager and shut down by hand;
# Lock, RLock, Semaphore and Event shared with a child; Pool with chunksize, imap and
# imap_unordered with chunksize, apply_async and map_async with callbacks.
from multiprocessing import Process, Manager, Pool, Lock, RLock, Semaphore, Event, Array, Value


def f(d, l):
    d[1] = '1'
    d['2'] = 2
    d[0.25] = None
    l.reverse()


def fill(d, l, n):
    d[n] = n * n
    l.append(n)


def waiter(event, slots, lock, done):
    event.wait()
    with slots:
        with lock:
            with lock:
                print("child through the event, the semaphore and the re-entered lock")
    done.set()


def square(x):
    return x * x


def scale(shared, factor):
    with shared.get_lock():
        for i in range(len(shared)):
            shared[i] = shared[i] * factor


if __name__ == '__main__':
    with Manager() as manager:
        d = manager.dict()
        l = manager.list(range(10))
        p = Process(target=f, args=(d, l))
        p.start()
        p.join()
        print(d)
        print(l)

    with Manager() as manager:
        d = manager.dict()
        l = manager.list()
        ps = [Process(target=fill, args=(d, l, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), len(d), len(l))
        print(d.get(1), 2 in d, dict(d) == {0: 0, 1: 1, 2: 4}, type(d).__name__, type(l).__name__)

    m = Manager()
    d = m.dict({"b": 2}, a=1)
    print(d.keys(), d.items(), d.values(), type(d.keys()).__name__)
    print(list(d), str(d), d.copy(), repr(d)[:25])
    l = m.list([3, 1, 2])
    l.sort()
    print(l, l[0], l[-1:], len(l), l + [9], 9 in l, str(l))
    l += [7]
    print(l)
    l *= 2
    print(l)
    try:
        d["zz"]
    except KeyError as e:
        print("KeyError", e)
    try:
        l[100]
    except IndexError as e:
        print("IndexError", e)
    print(d.pop("a"), d.setdefault("c", 3), d.get("q", 0), d)
    d.update(x=1)
    del d["b"]
    print(d, len(d), "x" in d)
    l2 = m.list("abc")
    print(l2[::2], l2)
    l2[0:2] = "xy"
    del l2[-1]
    l2.extend("ab")
    l2.insert(0, "z")
    print(l2, l2.index("a"), l2.count("b"), l2.pop(), l2)
    m.shutdown()
    m.shutdown()
    try:
        d["a"] = 1
    except OSError:
        print("the manager is gone: OSError")

    event, slots, lock, done = Event(), Semaphore(1), RLock(), Event()
    slots.acquire()
    p = Process(target=waiter, args=(event, slots, lock, done))
    p.start()
    event.set()
    print("event set, done yet:", done.is_set())
    slots.release()
    p.join()
    print("child done:", done.is_set(), p.exitcode)

    numbers = Array("i", range(5))
    p = Process(target=scale, args=(numbers, 3))
    p.start()
    p.join()
    print(numbers[:], len(numbers))

    with Pool(2) as pool:
        print(pool.map(square, range(10), chunksize=3))
        print(list(pool.imap(square, range(7), chunksize=2)))
        print(sorted(pool.imap_unordered(square, range(7), 3)))
        got = []
        r = pool.apply_async(square, (4,), callback=got.append)
        r.wait()
        print(r.get(), got, r.ready(), r.successful())
        errors = []
        r = pool.map_async(square, ["a"], error_callback=lambda e: errors.append(type(e).__name__))
        r.wait()
        print(errors, r.successful())
        totals = []
        r = pool.map_async(square, range(4), callback=totals.append)
        r.wait()
        print(totals)
