# An ordinary program of the kind issue 14 lists, run unchanged.
from concurrent.futures import ThreadPoolExecutor, as_completed
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(8))))
    futures = {ex.submit(square, n): n for n in [5, 6, 7]}
    print(sorted((futures[f], f.result()) for f in as_completed(futures)))
