# An ordinary program of the kind issue 14 lists, run unchanged.
from enum import IntEnum
import heapq
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
tasks = []
for name, p in [("write", Priority.LOW), ("fix", Priority.HIGH), ("test", Priority.MEDIUM)]:
    heapq.heappush(tasks, (-p, name))
while tasks:
    p, name = heapq.heappop(tasks)
    print(name, Priority(-p).name, -p)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted(Priority), [0] * 3)
levels = ["zero"] * 11
levels[Priority.HIGH] = "ten"
print(levels[Priority.HIGH], list(range(Priority.LOW, Priority.MEDIUM)), int(Priority.MEDIUM), f"{Priority.HIGH:03d}")
