# An async comprehension in a plain function: CPython refuses the whole program.
async def numbers():
    yield 1


def collect():
    return [x async for x in numbers()]


print(collect())
