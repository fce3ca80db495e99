# A bounded buffer between a producer and a consumer, stepped by a scheduler
# that alternates between them deterministically.
class Buffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []

    def full(self):
        return len(self.items) >= self.capacity

def producer_step(buf, state):
    if state["next"] > 6:
        return "finished"
    if buf.full():
        return "blocked (full)"
    buf.items.append(state["next"])
    state["next"] += 1
    return "put %d" % buf.items[-1]

def consumer_step(buf, state):
    if not buf.items:
        return "blocked (empty)"
    item = buf.items.pop(0)
    state["sum"] += item
    return "got %d" % item

buf = Buffer(2)
pstate = {"next": 1}
cstate = {"sum": 0}
pattern = "PPPCPPCCCPPCCCC"
for tick, who in enumerate(pattern):
    if who == "P":
        print("%2d producer %-16s buffer=%s" % (tick, producer_step(buf, pstate), buf.items))
    else:
        print("%2d consumer %-16s buffer=%s" % (tick, consumer_step(buf, cstate), buf.items))
print("consumed sum", cstate["sum"], "left", buf.items)
