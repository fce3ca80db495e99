# while loops: draining a queue of jobs and a retry loop with a counter.
queue = ["job-1", "job-2", "job-3"]
done = []
while queue:
    job = queue.pop(0)
    done.append(job.upper())
print(done, queue)

attempts = 0
connected = False
while not connected:
    attempts += 1
    print("attempt", attempts)
    if attempts == 3:
        connected = True
print("connected after", attempts)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

clock = 0
slice_ms = 4
remaining = 10
while remaining > 0:
    run = min(slice_ms, remaining)
    remaining -= run
    clock += run
    print("t=%d ran %d left %d" % (clock, run, remaining))
i = 0
while i < 0:
    print("never")
print("i stays", i)
