# concurrent.futures as the documentation uses it: the ThreadPoolExecutor URL example (with fake
# pages whose download takes a known time), `from concurrent import futures`, wait() with each
# return_when, cancel(), add_done_callback(), exception(), result(timeout), and a pool that is
# never shut down: its workers are joined at exit, after the queued work is done.
import concurrent.futures
from concurrent import futures
import threading
import time

PAGES = {
    "http://www.foxnews.com/": (0.3, 1021),
    "http://www.cnn.com/": (0.1, 2048),
    "http://europe.wsj.com/": (0.5, 777),
    "http://www.bbc.co.uk/": (0.2, 4096),
    "http://nonexistant-subdomain.python.org/": (0.4, None),
}

def load_url(url, timeout):
    delay, size = PAGES[url]
    time.sleep(delay)
    if size is None:
        raise OSError("[Errno -2] Name or service not known")
    return "x" * size

with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    future_to_url = {executor.submit(load_url, url, 60): url for url in PAGES}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print("%r generated an exception: %s" % (url, exc))
        else:
            print("%r page is %d bytes" % (url, len(data)))

print(futures is concurrent.futures, futures.ALL_COMPLETED)

def slow(n):
    time.sleep(n)
    if n == 0.2:
        raise ValueError("bad %s" % n)
    return n

with futures.ThreadPoolExecutor(max_workers=3) as pool:
    fs = [pool.submit(slow, n) for n in (0.1, 0.2, 0.3)]
    done, not_done = futures.wait(fs, return_when=futures.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))
    done, not_done = futures.wait(fs, return_when=futures.FIRST_EXCEPTION)
    print("first exception:", sorted(repr(f.exception()) for f in done), len(not_done))
    done, not_done = futures.wait(fs, timeout=5)
    print("all:", len(done), len(not_done))
    print("exception():", repr(fs[1].exception()), fs[0].exception())

with futures.ThreadPoolExecutor(max_workers=1) as pool:
    first = pool.submit(slow, 0.3)
    second = pool.submit(slow, 0.1)
    print("cancel running:", first.cancel(), "cancel queued:", second.cancel())
    print(second.cancelled(), second.done(), first.running())
    try:
        first.result(timeout=0.05)
    except futures.TimeoutError:
        print("result(timeout) timed out")
    try:
        second.result()
    except futures.CancelledError:
        print("CancelledError")
    first.add_done_callback(lambda f: print("callback got", f.result()))
print("result:", first.result())
first.add_done_callback(lambda f: print("callback on a done future runs at once"))

# A pool never shut down: the program's end waits for its work, as CPython's exit does.
pool = futures.ThreadPoolExecutor(max_workers=2)
for n in range(3):
    pool.submit(lambda n=n: (time.sleep(0.1 * (n + 1)), print("late work", n)))
print("main code done", all(not t.daemon for t in threading.enumerate()))
