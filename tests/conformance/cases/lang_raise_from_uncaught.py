# An uncaught exception with a cause and a context: CPython prints the whole chain.
def load(key):
    try:
        return {}[key]
    except KeyError as e:
        raise LookupError(f"no {key}") from e

def run():
    try:
        load("a")
    except LookupError:
        raise RuntimeError("run failed")

run()
