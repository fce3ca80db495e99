# The lost update, simulated by hand: two "threads" each read the counter,
# then later write back read+1; the interleaving decides the result.
def run(schedule):
    counter = 0
    registers = {"A": None, "B": None}
    for thread, action in schedule:
        if action == "read":
            registers[thread] = counter
        else:
            counter = registers[thread] + 1
        print("  %s %-5s counter=%d" % (thread, action, counter))
    return counter

serial = [("A", "read"), ("A", "write"), ("B", "read"), ("B", "write")]
racy = [("A", "read"), ("B", "read"), ("A", "write"), ("B", "write")]
print("serial:")
print("result", run(serial))
print("interleaved:")
print("result", run(racy))

# Thread A is preempted between its read and its write every few increments;
# thread B increments once meanwhile, and A's stale write then erases it.
def racy_total(increments, preempt_every):
    counter = 0
    b_increments = 0
    for i in range(1, increments + 1):
        seen = counter
        if i % preempt_every == 0:
            counter += 1
            b_increments += 1
        counter = seen + 1
    expected = increments + b_increments
    return counter, expected, expected - counter

for every in [2, 3, 5]:
    counter, expected, lost = racy_total(20, every)
    print("preempt every %d: counter=%d expected=%d lost=%d" % (every, counter, expected, lost))
