# An exception inside a generator: the traceback passes through the generator frame.
def gen():
    yield 1
    yield 1 / 0


def run():
    for v in gen():
        print(v)


run()
