# The usual entry point: run main() only when the file is the program itself.
RESULTS = []

def work(tid, n):
    total = 0
    for i in range(n):
        total += i
    RESULTS.append((tid, total))

def main():
    print("main starting, __name__ =", __name__)
    for tid in range(1, 4):
        work(tid, tid * 10)
    for tid, total in RESULTS:
        print("Thread %d: finished with %d" % (tid, total))
    print("main done")

if __name__ == "__main__":
    main()
else:
    print("imported, not run")
print(__name__ == "__main__")
