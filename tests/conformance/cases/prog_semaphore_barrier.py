# An ordinary program of the kind issue 14 lists, run unchanged.
import threading
sem = threading.Semaphore(2)
barrier = threading.Barrier(3)
lock = threading.Lock()
active = 0
peak = 0
log = []
def worker(i):
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        with lock:
            active -= 1
    barrier.wait()
    with lock:
        log.append(i)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(peak <= 2, sorted(log))
