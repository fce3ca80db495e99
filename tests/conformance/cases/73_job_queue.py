# A queue of jobs served round-robin by a fixed pool of workers.
class Job:
    def __init__(self, jid, cost):
        self.jid = jid
        self.remaining = cost

class Worker:
    def __init__(self, name):
        self.name = name
        self.done = []

    def serve(self, job, budget):
        spent = min(budget, job.remaining)
        job.remaining -= spent
        if job.remaining == 0:
            self.done.append(job.jid)
        return spent

pending = [Job(i, cost) for i, cost in enumerate([3, 7, 2, 5, 1])]
workers = [Worker("w0"), Worker("w1")]
clock = 0
turn = 0
while pending:
    job = pending.pop(0)
    worker = workers[turn % len(workers)]
    turn += 1
    clock += worker.serve(job, 2)
    state = "done" if job.remaining == 0 else "requeued"
    print("t=%2d %s job %d %s" % (clock, worker.name, job.jid, state))
    if job.remaining > 0:
        pending.append(job)
for w in workers:
    print(w.name, "finished", w.done)
print("total time", clock, "turns", turn)
