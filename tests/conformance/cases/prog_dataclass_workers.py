# An ordinary program of the kind issue 14 lists, run unchanged.
from dataclasses import dataclass, field
import threading
@dataclass
class Worker:
    name: str
    done: list = field(default_factory=list)
    def work(self, items):
        for i in items:
            self.done.append(i * i)
workers = [Worker(f"w{i}") for i in range(3)]
ts = [threading.Thread(target=w.work, args=(range(i, i + 3),)) for i, w in enumerate(workers)]
for t in ts: t.start()
for t in ts: t.join()
for w in workers:
    print(w)
print(workers[0] == Worker("w0", [0, 1, 4]))
