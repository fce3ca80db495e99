# Class attributes are shared by all instances until an instance assigns its own.
class Worker:
    created = 0
    default_priority = 1

    def __init__(self, name):
        Worker.created += 1
        self.tid = Worker.created
        self.name = name
        self.jobs = []

    def assign(self, job):
        self.jobs.append(job)
        return self

    def load(self):
        return len(self.jobs) * self.default_priority

    def describe(self):
        return "%s#%d load=%d" % (self.name, self.tid, self.load())


w1 = Worker("alpha")
w2 = Worker("beta")
w1.assign("a").assign("b")
w2.assign("c")
print(w1.describe(), w2.describe())
w2.default_priority = 10
print(w1.describe(), w2.describe(), Worker.default_priority)
Worker.default_priority = 2
print(w1.describe(), w2.describe())
print(Worker.created, w1.created)
w3 = Worker("gamma")
print(w3.tid, Worker.created)
print(w1.jobs is w2.jobs, w1.jobs, w2.jobs)
method = w1.describe
w1.name = "renamed"
print(method())
print(Worker.describe(w2))
