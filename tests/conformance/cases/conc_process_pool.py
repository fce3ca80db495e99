# concurrent.futures.ProcessPoolExecutor, the documentation's prime-checking example (with
# smaller primes): every worker is a process with its own GIL.
import concurrent.futures
import math

PRIMES = [
    1000003,
    1000033,
    999983,
    1000037,
    1000001,
    999979]

def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True

def fail(n):
    raise ValueError("no %d" % n)

def main():
    with concurrent.futures.ProcessPoolExecutor() as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
            print('%d is prime: %s' % (number, prime))
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(is_prime, n) for n in (7, 8, 9973)]
        done, not_done = concurrent.futures.wait(futures)
        print([f.result() for f in futures], len(done), len(not_done))
        bad = executor.submit(fail, 3)
        print("exception:", repr(bad.exception()))
    executor = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    late = executor.submit(is_prime, 1000003)
    print("submitted without shutdown")
    late.add_done_callback(lambda f: print("late result", f.result()))

if __name__ == '__main__':
    main()
