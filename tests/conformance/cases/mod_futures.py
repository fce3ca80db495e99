# concurrent.futures: submit and result, map in order, exceptions through result(), callbacks,
# as_completed and wait, timeouts, worker names, and both ways to import it.
import concurrent.futures
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED


def square(x):
    return x * x


def slow(seconds, value):
    time.sleep(seconds)
    return value


def fails():
    raise ValueError("bad input")


def name_of_worker():
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=2) as executor:
    f = executor.submit(square, 7)
    print(f.result(), f.done(), f.exception())
    print(list(executor.map(square, range(6))))
    print(list(executor.map(pow, [2, 3], [5, 2])))
    bad = executor.submit(fails)
    try:
        bad.result()
    except ValueError as e:
        print("result() raised:", e)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())
    print(executor.submit(name_of_worker).result().startswith("ThreadPoolExecutor-"))

seen = []
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as executor:
    names = sorted(set(executor.map(lambda _: threading.current_thread().name, range(3))))
    print(all(name.startswith("pool_") for name in names))
    futures = [executor.submit(slow, 0.3 - 0.1 * i, i) for i in range(3)]
    print([f.result() for f in as_completed(futures)])
    f = executor.submit(slow, 0.2, "late")
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    try:
        f.result(timeout=0.05)
    except concurrent.futures.TimeoutError:
        print("TimeoutError")
    print(f.result())
    quick = executor.submit(slow, 0.05, "quick")
    lazy = executor.submit(slow, 0.5, "lazy")
    done, not_done = wait([quick, lazy], return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(not_done))
    result = wait([quick, lazy])
    print(len(result.done), len(result.not_done))
print(seen)

executor = ThreadPoolExecutor(max_workers=1)
print(executor.submit(square, 3).result())
executor.shutdown()
try:
    executor.submit(square, 4)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
print(issubclass(concurrent.futures.CancelledError, Exception))
