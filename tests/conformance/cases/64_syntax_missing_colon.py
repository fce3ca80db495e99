# A syntax error stops the program before any line runs: nothing is printed.
print("this line never runs")

def worker(n):
    total = 0
    for i in range(n):
        total += i
    return total

def report(n)
    return "worker(%d) = %d" % (n, worker(n))

print(report(3))
