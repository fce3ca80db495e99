# The multiprocessing guide's own examples: Value and Array shared with a child, a Lock around
# print, the Pool walkthrough (apply_async, get(timeout) raising TimeoutError), a spawn
# context, and workers fed by iter(queue.get, 'STOP').
from multiprocessing import Process, Value, Array, Lock, Pool, TimeoutError, Queue, current_process
import multiprocessing as mp
import time
import os

def f(n, a):
    n.value = 3.1415927
    for i in range(len(a)):
        a[i] = -a[i]

def g(l, i):
    l.acquire()
    try:
        print('hello world', i)
    finally:
        l.release()

def sq(x):
    return x*x

def info(title):
    print(title, __name__ == '__mp_main__' or __name__)

def worker(input, output):
    for func, args in iter(input.get, 'STOP'):
        result = calculate(func, args)
        output.put(result)

def calculate(func, args):
    result = func(*args)
    return '%s says that %s%s = %s' % (current_process().name, func.__name__, args, result)

def mul(a, b):
    time.sleep(0.05)
    return a * b

if __name__ == '__main__':
    num = Value('d', 0.0)
    arr = Array('i', range(10))
    p = Process(target=f, args=(num, arr))
    p.start()
    p.join()
    print(num.value)
    print(arr[:])
    lock = Lock()
    for num in range(3):
        p = Process(target=g, args=(lock, num)); p.start(); p.join()
    with Pool(processes=4) as pool:
        print(pool.map(sq, range(10)))
        for i in pool.imap_unordered(sq, range(3)):
            pass
        res = pool.apply_async(sq, (20,))
        print(res.get(timeout=1))
        res = pool.apply_async(os.getpid, ())
        print(type(res.get(timeout=1)).__name__)
        multiple_results = [pool.apply_async(os.getpid, ()) for i in range(4)]
        print(len([res.get(timeout=1) for res in multiple_results]))
        res = pool.apply_async(time.sleep, (10,))
        try:
            print(res.get(timeout=1))
        except TimeoutError:
            print("We lacked patience and got a multiprocessing.TimeoutError")
        print("For the moment, the pool remains available for more work")
    print("Now the pool is closed and no longer available")
    ctx = mp.get_context('spawn')
    q = ctx.Queue()
    print(ctx.get_start_method())
    NUMBER_OF_PROCESSES = 2
    TASKS1 = [(mul, (i, 7)) for i in range(4)]
    task_queue = Queue()
    done_queue = Queue()
    for task in TASKS1:
        task_queue.put(task)
    for i in range(NUMBER_OF_PROCESSES):
        Process(target=worker, args=(task_queue, done_queue)).start()
    print(sorted(done_queue.get().split(" says")[1] for i in range(len(TASKS1))))
    for i in range(NUMBER_OF_PROCESSES):
        task_queue.put('STOP')
    with Pool(2) as p2:
        r = p2.map_async(sq, range(3))
        print(r.get())
        p2.close()
        p2.join()
