# A lock-like context manager that counts acquisitions and records who holds it.
class TracingLock:
    def __init__(self, name):
        self.name = name
        self.owner = None
        self.acquisitions = 0
        self.events = []

    def acquire(self, who):
        if self.owner is not None:
            raise RuntimeError("%s already held by %s" % (self.name, self.owner))
        self.owner = who
        self.acquisitions += 1
        self.events.append("+" + who)

    def release(self):
        self.events.append("-" + self.owner)
        self.owner = None

    def holding(self, who):
        lock = self
        class Holder:
            def __enter__(self):
                lock.acquire(who)
                return lock
            def __exit__(self, exc_type, exc, tb):
                lock.release()
                return False
        return Holder()

lock = TracingLock("account")
balance = 100
for who, amount in [("T1", -30), ("T2", 50), ("T1", -500)]:
    try:
        with lock.holding(who) as held:
            if balance + amount < 0:
                raise ValueError("%s: refused %d" % (held.owner, amount))
            balance += amount
            print(who, "balance", balance)
    except ValueError as e:
        print("error:", e)
print(lock.events, lock.acquisitions, lock.owner)
try:
    with lock.holding("T3"):
        with lock.holding("T4"):
            print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
print(lock.owner, lock.events[-2:])
