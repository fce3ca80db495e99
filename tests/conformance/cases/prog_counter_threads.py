# An ordinary program of the kind issue 14 lists, run unchanged.
from collections import Counter
import threading
text = """the quick brown fox jumps over the lazy dog the fox
and the dog sleep while the quick fox runs"""
lines = text.splitlines()
total = Counter()
lock = threading.Lock()
def count(line):
    c = Counter(line.split())
    with lock:
        total.update(c)
ts = [threading.Thread(target=count, args=(l,)) for l in lines]
for t in ts: t.start()
for t in ts: t.join()
print(total.most_common(3))
print(total["fox"], total["cat"], sum(total.values()), len(total))
print(sorted(total.items())[:4])
