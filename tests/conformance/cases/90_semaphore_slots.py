# A counting semaphore simulated with a counter and a wait list, driven by a
# fixed sequence of acquire and release requests.
class Semaphore:
    def __init__(self, value):
        self.value = value
        self.waiting = []
        self.holders = []

    def acquire(self, who):
        if self.value > 0:
            self.value -= 1
            self.holders.append(who)
            return "%s acquired" % who
        self.waiting.append(who)
        return "%s waits" % who

    def release(self, who):
        self.holders.remove(who)
        if self.waiting:
            nxt = self.waiting.pop(0)
            self.holders.append(nxt)
            return "%s released, %s wakes" % (who, nxt)
        self.value += 1
        return "%s released" % who

sem = Semaphore(2)
requests = [("acq", "A"), ("acq", "B"), ("acq", "C"), ("acq", "D"),
            ("rel", "A"), ("rel", "B"), ("rel", "C"), ("rel", "D")]
for op, who in requests:
    message = sem.acquire(who) if op == "acq" else sem.release(who)
    print("%-22s value=%d holders=%s waiting=%s" % (message, sem.value, sem.holders, sem.waiting))
