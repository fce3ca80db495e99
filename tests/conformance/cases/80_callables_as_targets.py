# Functions and bound methods are values: stored, passed and called later,
# as Thread(target=..., args=..., kwargs=...) does.
class FakeThread:
    def __init__(self, target=None, name=None, args=(), kwargs=None):
        self.target = target
        self.name = name or "Thread-?"
        self.args = args
        self.kwargs = kwargs if kwargs is not None else {}
        self.result = None

    def run(self):
        if self.target is not None:
            self.result = self.target(*self.args, **self.kwargs)

def count_to(n, step=1):
    return list(range(0, n, step))

class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, who):
        return self.greeting + ", " + who

hello = Greeter("hello")
threads = [
    FakeThread(target=count_to, args=(5,)),
    FakeThread(target=count_to, name="stepper", args=(10,), kwargs={"step": 3}),
    FakeThread(target=hello.greet, args=("world",)),
    FakeThread(name="idle"),
]
for t in threads:
    t.run()
    print(t.name, t.result)
handlers = {"upper": str.upper, "len": len, "greet": Greeter("hi").greet}
for key in handlers:
    print(key, handlers[key]("bob"))
callbacks = []
callbacks.append(print)
callbacks[0]("print itself is a value")
