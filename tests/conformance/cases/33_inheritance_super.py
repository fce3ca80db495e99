# Single inheritance with super(): a subclass extends __init__ and a method.
class Task:
    def __init__(self, name, cost):
        self.name = name
        self.cost = cost
        self.log = []

    def run(self):
        self.log.append("run " + self.name)
        return self.cost

    def kind(self):
        return "task"

    def describe(self):
        return "%s %s cost=%d" % (self.kind(), self.name, self.cost)


class IOTask(Task):
    def __init__(self, name, cost, device):
        super().__init__(name, cost)
        self.device = device

    def run(self):
        self.log.append("wait " + self.device)
        return super().run() + 10

    def kind(self):
        return "io-task"


class DiskTask(IOTask):
    def __init__(self, name):
        super().__init__(name, 2, "disk")

    def run(self):
        return super().run() * 2


tasks = [Task("sum", 5), IOTask("read", 1, "net"), DiskTask("save")]
for t in tasks:
    print(t.describe(), "->", t.run(), t.log)
print(isinstance(tasks[2], Task), isinstance(tasks[0], IOTask))
print(tasks[2].device, tasks[2].kind())
