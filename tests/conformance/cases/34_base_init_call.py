# Calling Base.__init__(self, ...) explicitly, the way the threading course
# subclasses Thread and calls Thread.__init__ first.
class Runner:
    def __init__(self, name=None):
        self.name = name if name is not None else "Runner-0"
        self.started = False

    def start(self):
        self.started = True
        self.run()

    def run(self):
        print(self.name, "default run")


class Counter(Runner):
    def __init__(self, name, limit):
        Runner.__init__(self, name)
        self.limit = limit
        self.value = 0

    def run(self):
        for _ in range(self.limit):
            self.value += 1
        print(self.name, "counted to", self.value)


class Silent(Runner):
    pass


c = Counter("counter-1", 5)
print(c.started)
c.start()
print(c.started, c.value)
s = Silent()
s.start()
print(s.name, s.started)
r = Runner("plain")
Runner.start(r)
print(isinstance(c, Runner), isinstance(r, Counter))
print(type(c).__name__, type(s).__name__)
