# Coroutines without an event loop: a coroutine is driven by send(), await delegates to an
# awaitable's __await__ generator.
class Ticket:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        answer = yield self.label
        return answer * 2


async def leaf(label):
    got = await Ticket(label)
    return label + "=" + str(got)


async def middle():
    first = await leaf("a")
    second = await leaf("b")
    return [first, second]


coro = middle()
print(type(coro).__name__)
request = coro.send(None)
print("asked", request)
request = coro.send(10)
print("asked", request)
try:
    coro.send(21)
except StopIteration as stop:
    print("result", stop.value)

try:
    coro.send(None)
except RuntimeError as error:
    print(error)


async def noop():
    return 5


async def reuse():
    c = noop()
    print(await c)
    await c

r = reuse()
try:
    r.send(None)
except RuntimeError as error:
    print("reuse:", error)


async def bad_await():
    await 3

try:
    bad_await().send(None)
except TypeError as error:
    print(error)

unused = noop()
try:
    for x in unused:
        pass
except TypeError as error:
    print(error)
unused.close()


def gen(inner):
    yield from inner

unused = noop()
try:
    list(gen(unused))
except TypeError as error:
    print(error)
unused.close()


async def guarded():
    try:
        await Ticket("wait")
    except ValueError as error:
        print("inside caught", error)
        return "recovered"

g = guarded()
print(g.send(None))
try:
    g.throw(ValueError("stop waiting"))
except StopIteration as stop:
    print("after throw", stop.value)

c = noop()
c.close()
print("closed unstarted coroutine")
