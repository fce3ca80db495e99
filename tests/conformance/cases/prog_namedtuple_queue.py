# An ordinary program of the kind issue 14 lists, run unchanged.
from collections import namedtuple
import queue, threading
Job = namedtuple("Job", ["id", "payload"])
q = queue.Queue()
results = []
lock = threading.Lock()
def worker():
    while True:
        job = q.get()
        if job is None:
            q.task_done()
            break
        with lock:
            results.append((job.id, job.payload.upper()))
        q.task_done()
ts = [threading.Thread(target=worker) for _ in range(2)]
for t in ts: t.start()
for i, word in enumerate(["alpha", "beta", "gamma", "delta"]):
    q.put(Job(i, word))
for _ in ts: q.put(None)
q.join()
for t in ts: t.join()
print(sorted(results))
print(Job(1, "x"), Job._fields, Job(2, "y")._replace(payload="z"), Job(3, "w")._asdict())
