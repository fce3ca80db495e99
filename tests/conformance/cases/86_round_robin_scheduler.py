# A round-robin CPU scheduler with a time slice, written as plain Python.
def schedule(bursts, quantum):
    ready = list(range(len(bursts)))
    remaining = list(bursts)
    finish = [0] * len(bursts)
    clock = 0
    timeline = []
    while ready:
        tid = ready.pop(0)
        run = min(quantum, remaining[tid])
        timeline.append("T%d[%d-%d]" % (tid, clock, clock + run))
        clock += run
        remaining[tid] -= run
        if remaining[tid] > 0:
            ready.append(tid)
        else:
            finish[tid] = clock
    return timeline, finish

for quantum in [2, 4, 100]:
    timeline, finish = schedule([5, 3, 8], quantum)
    mean = sum(finish) / len(finish)
    print("quantum %3d: %s" % (quantum, " ".join(timeline)))
    print("  finish %s slices %d mean turnaround %.2f" % (finish, len(timeline), mean))
